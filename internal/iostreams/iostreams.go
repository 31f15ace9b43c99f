// Package iostreams is the one place that knows about the terminal: the three streams,
// whether stdout is a TTY, whether to colour, and how wide to draw. Commands receive an
// *IOStreams and never look at os.Stdout themselves, so tests can drive both a TTY and a
// pipe through Test().
package iostreams

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"golang.org/x/term"
)

// Color modes accepted by --color.
const (
	ColorAuto   = "auto"
	ColorAlways = "always"
	ColorNever  = "never"
)

// IOStreams bundles the streams with the facts about them that decide presentation.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	outTTY    bool
	colorMode string
	noColor   bool // NO_COLOR is set to a non-empty value
	width     int  // 0 means ask the terminal (only when it is one)
	widthFunc func() int

	renderer *lipgloss.Renderer
}

// System returns streams bound to the process's stdin, stdout and stderr. It checks
// whether stdout is a terminal but asks the terminal nothing else until a command needs it.
func System() *IOStreams {
	fd := int(os.Stdout.Fd())
	return &IOStreams{
		In:        os.Stdin,
		Out:       &recordingWriter{w: os.Stdout, closed: closedAtStart(fd)},
		ErrOut:    os.Stderr,
		outTTY:    term.IsTerminal(fd),
		colorMode: ColorAuto,
		noColor:   os.Getenv("NO_COLOR") != "",
		widthFunc: func() int {
			w, _, err := term.GetSize(fd)
			if err != nil {
				return 0
			}
			return w
		},
	}
}

// recordingWriter keeps the first error writing to standard output, so that the root
// command can tell a full disk or a closed descriptor (the user's environment: exit 2)
// from a bug, whichever path the failed write took. Output is written by one goroutine.
type recordingWriter struct {
	w   io.Writer
	err error
	// closed is set when standard output was closed before plan started (closedAtStart).
	closed bool
}

// ErrClosed is the error writing to a standard output that was closed before plan started.
var ErrClosed = errors.New("it is closed")

func (r *recordingWriter) Write(p []byte) (int, error) {
	n, err := 0, ErrClosed
	if !r.closed {
		n, err = r.w.Write(p)
	}
	if err != nil && r.err == nil {
		r.err = err
	}
	return n, err
}

// OutErr returns the first error writing to standard output, if any. Streams from Test
// write to buffers and never fail.
func (s *IOStreams) OutErr() error {
	if r, ok := s.Out.(*recordingWriter); ok {
		return r.err
	}
	return nil
}

// Test returns streams backed by buffers: in, out and errOut. It is not a TTY and has no
// colour until SetTTY or SetColorMode say otherwise.
func Test() (ios *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut, colorMode: ColorAuto}, in, out, errOut
}

// SetTTY pretends (in tests) that stdout is or is not a terminal.
func (s *IOStreams) SetTTY(tty bool) { s.outTTY = tty; s.renderer = nil }

// SetNoColor records that NO_COLOR is set (System reads it from the environment).
func (s *IOStreams) SetNoColor(v bool) { s.noColor = v; s.renderer = nil }

// SetWidth fixes the drawing width, overriding the terminal's.
func (s *IOStreams) SetWidth(w int) { s.width = w }

// SetColorMode sets --color: auto, always or never.
func (s *IOStreams) SetColorMode(mode string) error {
	switch mode {
	case ColorAuto, ColorAlways, ColorNever:
		s.colorMode = mode
		s.renderer = nil
		return nil
	}
	return fmt.Errorf("invalid --color %q: want auto, always or never", mode)
}

// IsTTY reports whether stdout is a terminal, whatever the colour decision: a person
// reads it.
func (s *IOStreams) IsTTY() bool { return s.outTTY }

// ColorEnabled decides colour once: the flag first, then NO_COLOR, then whether stdout is
// a terminal.
func (s *IOStreams) ColorEnabled() bool {
	switch s.colorMode {
	case ColorAlways:
		return true
	case ColorNever:
		return false
	}
	return !s.noColor && s.outTTY
}

// Width is the width to draw at: the fixed width if set, else the terminal's when stdout
// is one, else the COLUMNS variable, else 80.
func (s *IOStreams) Width() int {
	if s.width > 0 {
		return s.width
	}
	if s.outTTY && s.widthFunc != nil {
		if w := s.widthFunc(); w > 0 {
			return w
		}
	}
	if c, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && c > 0 {
		return c
	}
	return 80
}

// Renderer returns a lipgloss renderer bound to stdout whose colour profile follows
// ColorEnabled; it never queries the terminal for its capabilities.
func (s *IOStreams) Renderer() *lipgloss.Renderer {
	if s.renderer != nil {
		return s.renderer
	}
	r := lipgloss.NewRenderer(s.Out)
	if s.ColorEnabled() {
		r.SetColorProfile(termenv.ANSI256)
	} else {
		r.SetColorProfile(termenv.Ascii)
	}
	r.SetHasDarkBackground(true)
	s.renderer = r
	return r
}
