package tone

import "strings"

// classTable reads an embedded word list: one "class<TAB>entry" a line,
// entries of a class in file order. Lines without a tab (a blank line, a
// "#" note) are skipped; TestClassTablesWellFormed checks that every
// embedded list has none but notes.
func classTable(data string) map[string][]string {
	table := map[string][]string{}
	for line := range strings.Lines(data) {
		class, entry, ok := strings.Cut(strings.TrimRight(line, "\n"), "\t")
		if ok && class != "" && entry != "" {
			table[class] = append(table[class], entry)
		}
	}
	return table
}
