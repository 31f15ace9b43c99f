package status

import (
	"encoding/json"
	"io"
)

// WriteJSON writes the state as indented JSON (docs/status.md), one value and a newline.
func WriteJSON(w io.Writer, s *State) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(s)
}
