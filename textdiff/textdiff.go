// Package textdiff compares two texts word by word, for showing an
// approver what an author changed since she last read a post.
package textdiff

import (
	"strings"
	"unicode"
)

// Op is what happened to a run of text.
type Op string

// Diff operations.
const (
	Same    Op = "same"
	Removed Op = "removed"
	Added   Op = "added"
)

// Part is a run of text with what happened to it.
type Part struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// maxCells bounds the comparison table; longer texts are shown as one
// removal and one addition.
const maxCells = 4 << 20

// Words returns the parts that turn before into after: words (with the
// spaces after them) kept, removed or added, adjacent parts merged.
// Concatenating the Same and Added parts gives after exactly; the Same and
// Removed parts give before's words (spacing taken from after).
func Words(before, after string) []Part {
	a, b := split(before), split(after)
	if len(a)*len(b) > maxCells {
		return merge([]Part{{Removed, before}, {Added, after}})
	}
	return merge(walk(a, b, lcs(a, b)))
}

// split cuts s into words, each with the spaces that follow it.
func split(s string) []string {
	var out []string
	start, inSpace := 0, false
	for i, r := range s {
		sp := unicode.IsSpace(r)
		if inSpace && !sp {
			out = append(out, s[start:i])
			start = i
		}
		inSpace = sp
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// lcs returns the table of longest common subsequence lengths of the
// suffixes of a and b, comparing words without their trailing spaces.
func lcs(a, b []string) [][]int32 {
	t := make([][]int32, len(a)+1)
	for i := range t {
		t[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if word(a[i]) == word(b[j]) {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	return t
}

func word(s string) string { return strings.TrimRightFunc(s, unicode.IsSpace) }

// walk reads the parts off the table.
func walk(a, b []string, t [][]int32) []Part {
	var out []Part
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case word(a[i]) == word(b[j]):
			out = append(out, Part{Same, b[j]})
			i, j = i+1, j+1
		case t[i+1][j] >= t[i][j+1]:
			out = append(out, Part{Removed, a[i]})
			i++
		default:
			out = append(out, Part{Added, b[j]})
			j++
		}
	}
	for ; i < len(a); i++ {
		out = append(out, Part{Removed, a[i]})
	}
	for ; j < len(b); j++ {
		out = append(out, Part{Added, b[j]})
	}
	return out
}

// merge joins adjacent parts with the same operation and drops empty ones.
func merge(parts []Part) []Part {
	var out []Part
	for _, p := range parts {
		if p.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Op == p.Op {
			out[n-1].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}

// Changed reports whether parts hold any removal or addition.
func Changed(parts []Part) bool {
	for _, p := range parts {
		if p.Op != Same {
			return true
		}
	}
	return false
}
