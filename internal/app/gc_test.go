package app

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

// TestTuneGC: the collector runs at GOGC=400 while the live heap is small, goes back to
// Go's default once it is large (a memory limit would instead make it run without pause,
// which made the largest plan five times slower), and leaves alone a GOGC or GOMEMLIMIT
// set in the environment.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))

	tuneGC(func(k string) string { return map[string]string{"GOGC": "150"}[k] })
	if got := gogc(); got != 100 {
		t.Errorf("with GOGC in the environment: GOGC=%d, want it left alone", got)
	}

	tuneGC(func(string) string { return "" })
	if got := gogc(); got != smallHeapGCPercent {
		t.Fatalf("GOGC=%d, want %d", got, smallHeapGCPercent)
	}
	if limit := debug.SetMemoryLimit(-1); limit != math.MaxInt64 {
		t.Errorf("a memory limit of %d MiB was set: the collector would run without pause near it", limit>>20)
	}
	for range 3 {
		runtime.GC()
		runtime.Gosched()
	}
	if got := gogc(); got != smallHeapGCPercent {
		t.Errorf("with a small heap GOGC=%d, want %d kept", got, smallHeapGCPercent)
	}

	live := make([]byte, largeHeap+largeHeap/4)
	// Finalizers run on their own goroutine after a collection: a few rounds give it
	// its turn, counted rather than timed.
	for i := 0; i < 100 && gogc() != 100; i++ {
		runtime.GC()
		runtime.Gosched()
	}
	runtime.KeepAlive(live)
	if got := gogc(); got != 100 {
		t.Errorf("with %d MiB live GOGC=%d, want Go's default of 100", len(live)>>20, got)
	}
}

func gogc() uint64 {
	sample := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}
