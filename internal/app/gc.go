package app

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// smallHeapGCPercent replaces Go's default GOGC of 100 while the live heap is small. A
// plan command keeps little alive (a worker's file, its tree and its findings: a few MB)
// while allocating a lot, so at 100 the collector ran every few files and, with its write
// barriers, took about a fifth of `plan check`'s CPU time. At 400 it runs a quarter as
// often and a check of 1,000 plans still peaks far below 100 MB.
const smallHeapGCPercent = 400

// largeHeap is the live heap past which Go's default comes back. At 400 a large heap
// would peak at five times what is live (a 10 MiB plan's report at several GB), and a
// memory limit to stop that makes the collector run without pause once the live heap
// nears it: that made the largest accepted plan up to five times slower to check.
// Going back to the default keeps the worst case at Go's own speed and memory; ordinary
// runs never get near it.
const largeHeap = 64 << 20

// tuneGC sets smallHeapGCPercent for this process and watches each collection's live
// heap to restore the default past largeHeap. A GOGC set in the environment wins, as
// does a GOMEMLIMIT, which this leaves alone.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") != "" {
		return
	}
	debug.SetGCPercent(smallHeapGCPercent)
	watchHeap()
}

// gcSentinel is garbage from the moment it is made: its finalizer runs once per
// collection. It holds a pointer so that the allocator never packs it beside other tiny
// objects, whose finalizers may never run.
type gcSentinel struct{ _ *byte }

// watchHeap arms a finalizer that, after the next collection, reads the live heap and
// either restores Go's default or arms itself again.
func watchHeap() {
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) {
		if liveHeap() >= largeHeap {
			debug.SetGCPercent(100)
			return
		}
		watchHeap()
	})
}

// liveHeap is the heap the last collection found live, in bytes.
func liveHeap() uint64 {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}
