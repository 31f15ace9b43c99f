// Command hello is the start-up floor: the smallest Go program that writes a line, which
// bench/compare.sh compares plan --version with.
package main

import "os"

func main() {
	os.Stdout.WriteString("hello\n")
}
