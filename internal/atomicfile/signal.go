package atomicfile

import (
	"os"
	"os/signal"
	"sync"
)

// pending holds the temporary files that exist right now, for the signal handler to
// remove: without it, Ctrl-C or a SIGTERM from CI in the middle of a write would leave
// a .NAME.tmp-… file beside the user's plan.
var pending struct {
	sync.Mutex
	names    map[string]bool
	watchers int
	sigs     chan os.Signal
	done     chan struct{}
}

// watchSignals catches the signals that end a process (stopSignals) while at least one
// write is under way, and returns the function that ends this write's share of the
// watch. Outside writes the signals keep their default action.
func watchSignals() (unwatch func()) {
	pending.Lock()
	defer pending.Unlock()
	if pending.watchers == 0 {
		pending.sigs = make(chan os.Signal, 1)
		pending.done = make(chan struct{})
		for _, s := range stopSignals {
			// A signal the process was started with ignored (nohup) stays ignored:
			// catching it would make plan stoppable by what the user shut out.
			if !signal.Ignored(s) {
				signal.Notify(pending.sigs, s)
			}
		}
		go onSignal(pending.sigs, pending.done)
	}
	pending.watchers++
	return func() {
		pending.Lock()
		defer pending.Unlock()
		pending.watchers--
		if pending.watchers == 0 {
			signal.Stop(pending.sigs)
			close(pending.done)
		}
	}
}

// onSignal waits for a signal until done is closed, then removes the temporary files
// and ends the process by the same signal, so that the shell and CI see what they
// would have seen without the handler.
func onSignal(sigs chan os.Signal, done chan struct{}) {
	var sig os.Signal
	select {
	case sig = <-sigs:
	case <-done:
		// A signal that came in just before the watch ended is still owed its effect.
		select {
		case sig = <-sigs:
		default:
			return
		}
	}
	// The lock is never released: no write may start a new temporary file now.
	pending.Lock()
	for name := range pending.names {
		os.Remove(name)
	}
	signal.Reset(sig)
	raise(sig)
}

// exitInterrupted is the shell's exit status for a process ended by Ctrl-C, used where
// the signal cannot be raised again.
const exitInterrupted = 130

func remember(name string) {
	pending.Lock()
	defer pending.Unlock()
	if pending.names == nil {
		pending.names = make(map[string]bool)
	}
	pending.names[name] = true
}

func forget(name string) {
	pending.Lock()
	defer pending.Unlock()
	delete(pending.names, name)
}
