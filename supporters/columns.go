package supporters

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The columns an import understands.
const (
	ColEmail         = "email"
	ColFirstName     = "first_name"
	ColLastName      = "last_name"
	ColPostcode      = "postcode"
	ColPhone         = "phone"
	ColInterests     = "interests"
	ColConsentAt     = "consent_at"
	ColConsentSource = "consent_source"
	ColMobilised     = "mobilised"
)

// Columns lists them in the documented order.
var Columns = []string{ColEmail, ColFirstName, ColLastName, ColPostcode, ColPhone, ColInterests,
	ColConsentAt, ColConsentSource, ColMobilised}

// headerAliases maps common French and English headers to columns.
var headerAliases = map[string]string{
	"e-mail": ColEmail, "mail": ColEmail, "courriel": ColEmail, "adresse e-mail": ColEmail, "adresse email": ColEmail,
	"prénom": ColFirstName, "prenom": ColFirstName, "first name": ColFirstName, "firstname": ColFirstName,
	"nom": ColLastName, "last name": ColLastName, "lastname": ColLastName, "nom de famille": ColLastName,
	"code postal": ColPostcode, "cp": ColPostcode, "zip": ColPostcode, "code_postal": ColPostcode,
	"téléphone": ColPhone, "telephone": ColPhone, "tél": ColPhone, "tel": ColPhone, "mobile": ColPhone,
	"intérêts": ColInterests, "interets": ColInterests, "centres d'intérêt": ColInterests,
	"date de consentement": ColConsentAt, "consentement": ColConsentAt,
	"source du consentement": ColConsentSource, "origine": ColConsentSource,
	"mobilisé": ColMobilised, "mobilise": ColMobilised, "mobilisée": ColMobilised,
}

// columnOf returns the column a header names, "" if none.
func columnOf(header string) string {
	h := strings.ToLower(strings.TrimSpace(header))
	for _, c := range Columns {
		if h == c {
			return c
		}
	}
	return headerAliases[h]
}

// layout says which CSV field holds which column.
type layout struct {
	index  map[string]int // column -> field index
	fields int            // fields in the header
}

// newLayout maps the header: mapping (header -> column, from the import
// page) first, else the header's own names. Without an email column the
// file is refused.
func newLayout(header []string, mapping map[string]string) (layout, error) {
	l := layout{index: map[string]int{}, fields: len(header)}
	for i, h := range header {
		col := columnOf(h)
		if mapping != nil {
			col = mapping[strings.TrimSpace(h)]
		}
		if col == "" {
			continue
		}
		if !validColumn(col) {
			return l, fmt.Errorf("unknown column %q in the mapping", col)
		}
		if _, dup := l.index[col]; dup {
			return l, &FileError{Line: 1, Code: "duplicate_column", Reason: fmt.Sprintf("two columns map to %s", col)}
		}
		l.index[col] = i
	}
	if _, ok := l.index[ColEmail]; !ok {
		return l, &FileError{Line: 1, Code: "no_email_column",
			Reason: "the first line has no email column (expected a header such as email, e-mail or courriel)"}
	}
	return l, nil
}

func validColumn(c string) bool {
	for _, v := range Columns {
		if v == c {
			return true
		}
	}
	return false
}

// get returns a record's value for a column ("" when absent).
func (l layout) get(fields []string, col string) (string, bool) {
	i, ok := l.index[col]
	if !ok || i >= len(fields) {
		return "", false
	}
	return fields[i], true
}

// Preview is the start of a file to import: its header, the column each
// header maps to by name ("" when none) and the first records.
type Preview struct {
	Header []string   `json:"header"`
	Guess  []string   `json:"guess"`
	Rows   [][]string `json:"rows"`
}

// Preview reads the header and the first n records of a file, for the
// import page's column mapping (editors and admins).
func (s *Service) Preview(ctx context.Context, r io.Reader, n int) (*Preview, error) {
	if err := mayImport(ctx); err != nil {
		return nil, err
	}
	rd := NewReader(r, s.cfg.MaxBytes)
	head, err := rd.Next()
	if errors.Is(err, io.EOF) {
		return nil, &FileError{Code: "empty", Reason: "the file is empty"}
	} else if err != nil {
		return nil, asFileError(err)
	}
	p := &Preview{Header: head.Fields}
	for _, h := range head.Fields {
		p.Guess = append(p.Guess, columnOf(h))
	}
	for len(p.Rows) < n {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		} else if isFileError(err) {
			return nil, err
		} else if err == nil {
			p.Rows = append(p.Rows, rec.Fields)
		}
	}
	return p, nil
}
