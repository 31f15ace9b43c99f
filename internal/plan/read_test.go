package plan

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
)

// readSized trusts the size only as a hint: whatever the file holds when read is what
// counts, and the limit holds either way.
func TestReadSized(t *testing.T) {
	for _, tc := range []struct {
		name      string
		data      string
		size, max int64
		want      string
		tooLarge  bool
	}{
		{"exact", "abcdef", 6, 10, "abcdef", false},
		{"shrank", "abc", 6, 10, "abc", false},
		{"grew", "abcdefgh", 6, 10, "abcdefgh", false},
		{"grew past the limit", "abcdefghijkl", 6, 10, "", true},
		{"at the limit", "abcdefghij", 10, 10, "abcdefghij", false},
		{"one past the limit", "abcdefghijk", 10, 10, "", true},
		{"size unknown", "abc", 0, 10, "abc", false},
		{"size over the limit", strings.Repeat("a", 20), 20, 10, "", true},
	} {
		got, err := readSized(bytes.NewReader([]byte(tc.data)), tc.size, tc.max)
		switch {
		case tc.tooLarge && !errors.Is(err, ErrTooLarge):
			t.Errorf("%s: err = %v, want ErrTooLarge", tc.name, err)
		case !tc.tooLarge && (err != nil || string(got) != tc.want):
			t.Errorf("%s: got %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}

func TestReadLimitedAtTheLargestLimit(t *testing.T) {
	data, err := ReadLimited(strings.NewReader("schema_version: 1\n"), math.MaxInt64)
	if err != nil || string(data) != "schema_version: 1\n" {
		t.Errorf("ReadLimited(…, MaxInt64) = %q, %v", data, err)
	}
}

func TestSizeLimitIsWorded(t *testing.T) {
	for limit, want := range map[int64]string{
		1:       "larger than the 1 byte limit",
		2:       "larger than the 2 bytes limit",
		1 << 20: "larger than the 1 MiB limit",
	} {
		_, err := Parse("p.plan.yaml", []byte("schema_version: 1\ntitle: a\n"+strings.Repeat("#", 1<<20)), Options{MaxSize: limit})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("limit %d: got %v, want %q", limit, err, want)
		}
	}
}
