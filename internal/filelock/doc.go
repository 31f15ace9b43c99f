// Package filelock serialises read-modify-write cycles on a file between processes with
// an advisory lock, so that two commands editing one plan at once cannot lose an update.
//
// The lock is taken on the file itself rather than on a sidecar ".lock" file, which
// would litter the user's repository. Because edits replace the file by renaming a new
// one over it, a lock holder's inode stops being the file's the moment it writes;
// Acquire therefore checks, once it holds the lock, that the path still names the inode it
// locked, and starts again if not. Every process that edits the file must use this
// package and must hold the lock from before it reads the file until after it renames.
package filelock
