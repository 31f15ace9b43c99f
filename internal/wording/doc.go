// Package wording holds the small pieces of English and ASCII spelling that messages,
// charts and ids share: one line of text, plurals, lengths in weeks and days, and the
// ASCII words that ids and calendar UIDs are made from.
package wording
