package csvsafe

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"
)

func TestDefuse(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Residents", "Residents"},
		{"2027-03-01", "2027-03-01"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+61 2 9999 0000", "'+61 2 9999 0000"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"a=1", "a=1"},
		{"'quoted", "'quoted"},
	} {
		if got := Defuse(tc.in); got != tc.want {
			t.Errorf("Defuse(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWriterDefusesEveryCellAndKeepsTheRow(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	row := []string{"id", "=1+1", "a,b", "line\nbreak"}
	if err := w.Write(row); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if row[1] != "=1+1" {
		t.Errorf("Write changed the caller's row: %q", row)
	}
	got, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"id", "'=1+1", "a,b", "line\nbreak"}
	if len(got) != 1 || !slices.Equal(got[0], want) {
		t.Errorf("read back %q, want %q", got, want)
	}
}
