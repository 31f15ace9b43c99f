package htmlcheck

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// pdfPageTexts returns the text each page of a PDF printed by Chromium draws, in page
// order: what a reader of the printed report sees on that page, so that a test can ask
// whether a mark is on every page. It reads what Skia writes (objects in the clear,
// content streams and character maps Flate-compressed, text in Type0 fonts shown by Tj
// and TJ with a ToUnicode map), not every PDF; anything else it cannot read is an error
// rather than an empty page.
func pdfPageTexts(pdf []byte) ([]string, error) {
	objs, err := pdfObjects(pdf)
	if err != nil {
		return nil, err
	}
	pages, err := pdfPageOrder(objs)
	if err != nil {
		return nil, err
	}
	cmaps := map[int]map[string]string{}
	var texts []string
	for _, n := range pages {
		page := objs[n]
		fonts := map[string]map[string]string{}
		if m := pdfFontDict.FindSubmatch(page.dict); m != nil {
			for _, f := range pdfNamedRef.FindAllSubmatch(m[1], -1) {
				ref, _ := strconv.Atoi(string(f[2]))
				if _, ok := cmaps[ref]; !ok {
					if cmaps[ref], err = fontCMap(objs, ref); err != nil {
						return nil, fmt.Errorf("page %d: font /%s: %w", len(texts)+1, f[1], err)
					}
				}
				fonts[string(f[1])] = cmaps[ref]
			}
		}
		m := pdfContents.FindSubmatch(page.dict)
		if m == nil {
			texts = append(texts, "")
			continue
		}
		var text bytes.Buffer
		for _, ref := range pdfRef.FindAllSubmatch(m[1], -1) {
			c, _ := strconv.Atoi(string(ref[1]))
			content, err := objs.stream(c)
			if err != nil {
				return nil, fmt.Errorf("page %d: %w", len(texts)+1, err)
			}
			if err := showText(&text, content, fonts); err != nil {
				return nil, fmt.Errorf("page %d: %w", len(texts)+1, err)
			}
		}
		texts = append(texts, text.String())
	}
	return texts, nil
}

var (
	pdfObjStart  = regexp.MustCompile(`(\d+) 0 obj\s*`)
	pdfLength    = regexp.MustCompile(`/Length\s+(\d+)`)
	pdfFontDict  = regexp.MustCompile(`/Font\s*<<([^>]*)>>`)
	pdfNamedRef  = regexp.MustCompile(`/([^\s/<>\[\]]+)\s+(\d+) 0 R`)
	pdfContents  = regexp.MustCompile(`/Contents\s*(\[[^\]]*\]|\d+ 0 R)`)
	pdfRef       = regexp.MustCompile(`(\d+) 0 R`)
	pdfKids      = regexp.MustCompile(`/Kids\s*\[([^\]]*)\]`)
	pdfToUnicode = regexp.MustCompile(`/ToUnicode\s+(\d+) 0 R`)
	// pdfTextOp finds the operators that choose a font and show text: Tf, Tj and TJ.
	pdfTextOp = regexp.MustCompile(`/([^\s/<>\[\]]+)\s+[-.\d]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj|\[((?:[^\]\\]|\\.)*)\]\s*TJ|\(((?:[^)\\]|\\.)*)\)\s*Tj`)
	pdfHex    = regexp.MustCompile(`<([0-9A-Fa-f\s]*)>`)
	pdfPages  = regexp.MustCompile(`/Type\s*/Pages\b`)
	// The blocks of a ToUnicode map and their entries.
	pdfBFChars  = regexp.MustCompile(`(?s)beginbfchar(.*?)endbfchar`)
	pdfBFChar   = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>`)
	pdfBFRanges = regexp.MustCompile(`(?s)beginbfrange(.*?)endbfrange`)
	pdfBFRange  = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>`)
)

// pdfObject is one indirect object: its dictionary (or value) and its stream, if any.
type pdfObject struct {
	dict, stream []byte
}

type pdfObjs map[int]pdfObject

// pdfObjects reads every indirect object in file order, stepping over each stream by
// its /Length so that compressed bytes are never mistaken for PDF syntax.
func pdfObjects(pdf []byte) (pdfObjs, error) {
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return nil, errors.New("not a PDF")
	}
	objs := pdfObjs{}
	for i := 0; ; {
		loc := pdfObjStart.FindSubmatchIndex(pdf[i:])
		if loc == nil {
			return objs, nil
		}
		n, _ := strconv.Atoi(string(pdf[i+loc[2] : i+loc[3]]))
		start := i + loc[1]
		end := bytes.Index(pdf[start:], []byte("endobj"))
		if end < 0 {
			return nil, fmt.Errorf("object %d has no endobj", n)
		}
		end += start
		s := bytes.Index(pdf[start:end], []byte("stream"))
		if s < 0 {
			objs[n] = pdfObject{dict: pdf[start:end]}
			i = end
			continue
		}
		s += start
		dict := pdf[start:s]
		m := pdfLength.FindSubmatch(dict)
		if m == nil {
			return nil, fmt.Errorf("object %d: a stream without a direct /Length", n)
		}
		length, _ := strconv.Atoi(string(m[1]))
		data := s + len("stream")
		if bytes.HasPrefix(pdf[data:], []byte("\r\n")) {
			data += 2
		} else {
			data++
		}
		if data+length > len(pdf) {
			return nil, fmt.Errorf("object %d: its stream runs past the end of the file", n)
		}
		objs[n] = pdfObject{dict: dict, stream: pdf[data : data+length]}
		i = data + length
	}
}

// stream returns object n's stream, inflated.
func (objs pdfObjs) stream(n int) ([]byte, error) {
	o, ok := objs[n]
	if !ok || o.stream == nil {
		return nil, fmt.Errorf("object %d is not a stream", n)
	}
	if !bytes.Contains(o.dict, []byte("/FlateDecode")) {
		return o.stream, nil
	}
	r, err := zlib.NewReader(bytes.NewReader(o.stream))
	if err != nil {
		return nil, fmt.Errorf("object %d: %w", n, err)
	}
	return io.ReadAll(r)
}

// pdfPageOrder lists the page objects as the page tree orders them.
func pdfPageOrder(objs pdfObjs) ([]int, error) {
	root := -1
	for n, o := range objs {
		if pdfPages.Match(o.dict) && !bytes.Contains(o.dict, []byte("/Parent")) {
			root = n
		}
	}
	if root < 0 {
		return nil, errors.New("no page tree")
	}
	var pages []int
	var walk func(n, depth int) error
	walk = func(n, depth int) error {
		if depth > 32 {
			return errors.New("the page tree is too deep")
		}
		o := objs[n]
		kids := pdfKids.FindSubmatch(o.dict)
		if kids == nil {
			pages = append(pages, n)
			return nil
		}
		for _, k := range pdfRef.FindAllSubmatch(kids[1], -1) {
			c, _ := strconv.Atoi(string(k[1]))
			if err := walk(c, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return pages, walk(root, 0)
}

// fontCMap reads the ToUnicode map of font object n: character code (as hex, upper
// case) to text.
func fontCMap(objs pdfObjs, n int) (map[string]string, error) {
	m := pdfToUnicode.FindSubmatch(objs[n].dict)
	if m == nil {
		return nil, errors.New("no ToUnicode map")
	}
	ref, _ := strconv.Atoi(string(m[1]))
	src, err := objs.stream(ref)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, block := range pdfBFChars.FindAllSubmatch(src, -1) {
		for _, pair := range pdfBFChar.FindAllSubmatch(block[1], -1) {
			out[string(bytes.ToUpper(pair[1]))] = utf16BE(pair[2])
		}
	}
	for _, block := range pdfBFRanges.FindAllSubmatch(src, -1) {
		for _, r := range pdfBFRange.FindAllSubmatch(block[1], -1) {
			lo, _ := strconv.ParseUint(string(r[1]), 16, 32)
			hi, _ := strconv.ParseUint(string(r[2]), 16, 32)
			first := []rune(utf16BE(r[3]))
			if len(first) != 1 || hi < lo || hi-lo > 0xffff {
				return nil, fmt.Errorf("a bfrange this reader does not know: %s", r[0])
			}
			for c := lo; c <= hi; c++ {
				out[fmt.Sprintf("%0*X", len(r[1]), c)] = string(first[0] + rune(c-lo))
			}
		}
	}
	if len(out) == 0 {
		return nil, errors.New("an empty ToUnicode map")
	}
	return out, nil
}

func utf16BE(hexText []byte) string {
	b, err := hex.DecodeString(string(hexText))
	if err != nil || len(b)%2 != 0 {
		return "\uFFFD"
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

// showText appends the text content shows to w, mapping each string through the font
// selected at that point. Text drawn letter by letter (as letter-spacing makes Skia do)
// comes out as one word; runs are separated by nothing, which is enough to find a word.
func showText(w *bytes.Buffer, content []byte, fonts map[string]map[string]string) error {
	var cmap map[string]string
	for _, m := range pdfTextOp.FindAllSubmatch(content, -1) {
		switch {
		case m[1] != nil:
			cmap = fonts[string(m[1])]
			if cmap == nil {
				return fmt.Errorf("the content uses the font /%s, which the page does not list", m[1])
			}
		case m[2] != nil:
			if err := decodeShown(w, m[2], cmap); err != nil {
				return err
			}
		case m[3] != nil:
			for _, h := range pdfHex.FindAllSubmatch(m[3], -1) {
				if err := decodeShown(w, h[1], cmap); err != nil {
					return err
				}
			}
		default:
			return errors.New("text shown as a literal string, which this reader does not map")
		}
	}
	return nil
}

func decodeShown(w *bytes.Buffer, hexText []byte, cmap map[string]string) error {
	if cmap == nil {
		return errors.New("text shown before a font is chosen")
	}
	h := bytes.ToUpper(bytes.Join(bytes.Fields(hexText), nil))
	width := 0
	for code := range cmap {
		width = len(code)
		break
	}
	if width == 0 || len(h)%width != 0 {
		return fmt.Errorf("the string <%s> does not divide into codes of %d hex digits", h, width)
	}
	for i := 0; i < len(h); i += width {
		if t, ok := cmap[string(h[i:i+width])]; ok {
			w.WriteString(t)
		} else {
			w.WriteRune('\uFFFD')
		}
	}
	return nil
}
