package safemd

import "strings"

// CodeBlock writes text as a fenced code block with the given info string (a plain word
// such as "yaml", or "text" when info is anything else). Its fence is longer than any
// run of backticks in the text, so nothing in it can end the block early, and its tabs
// and trailing spaces are tidied as markdownlint asks.
func CodeBlock(info, text string) string {
	if !safeInfo.MatchString(info) {
		info = "text"
	}
	return fenced(info, tidyCode(strings.TrimRight(strings.ReplaceAll(text, "\r\n", "\n"), "\n")))
}

// fenced writes text as a fenced code block whose fence is longer than any run of
// backticks in it.
func fenced(info, text string) string {
	fence := "```"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	return fence + info + "\n" + text + "\n" + fence
}

// tidyCode drops trailing white space (markdownlint MD009) and writes tabs as spaces
// (MD010) in the lines of a code block.
func tidyCode(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\t", "    "), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(strings.ReplaceAll(l, "\r", ""), " ")
	}
	return strings.Join(lines, "\n")
}
