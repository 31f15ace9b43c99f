package cli

import (
	"errors"
	"fmt"
	"testing"
)

func TestCode(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want int
	}{
		{nil, ExitOK},
		{Findings(), ExitFindings},
		{BadInputf("no such file %q", "x"), ExitBadInput},
		{fmt.Errorf("wrapped: %w", BadInputf("x")), ExitBadInput},
		{errors.New("boom"), ExitInternal},
	} {
		if got := Code(tc.err); got != tc.want {
			t.Errorf("Code(%v) = %d, want %d", tc.err, got, tc.want)
		}
	}
}
