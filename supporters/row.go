package supporters

import (
	"fmt"
	"strings"
	"time"

	"github.com/relais/relais"
)

// row validates one record into a candidate, or says which field is wrong.
func (s *Service) row(rec Record, l layout, opt Options, now time.Time, loc *time.Location) (*candidate, *Rejection) {
	reject := func(field, reason string) (*candidate, *Rejection) {
		return nil, &Rejection{Line: rec.Line, Field: field, Reason: reason}
	}
	if len(rec.Fields) > l.fields {
		return reject("", fmt.Sprintf("%d fields where the header has %d", len(rec.Fields), l.fields))
	}
	c := &candidate{line: rec.Line, s: &relais.Supporter{Source: opt.Source}, has: map[string]bool{}}
	for _, col := range Columns {
		v, ok := l.get(rec.Fields, col)
		if !ok || strings.TrimSpace(v) == "" {
			if col == ColEmail {
				return reject(col, "missing")
			}
			continue
		}
		if err := s.setColumn(c, col, v, now, loc); err != nil {
			return reject(col, err.Error())
		}
		c.has[col] = true
	}
	return c, consistent(c)
}

// consistent checks the columns together: a consent needs its date and
// its source.
func consistent(c *candidate) *Rejection {
	switch {
	case c.has[ColConsentSource] && !c.has[ColConsentAt]:
		return &Rejection{Line: c.line, Field: ColConsentAt, Reason: "missing (a consent source needs its date)"}
	case c.has[ColConsentAt] && c.s.ConsentSource == "":
		return &Rejection{Line: c.line, Field: ColConsentSource, Reason: "missing (a consent needs its source)"}
	}
	return nil
}

// setColumn parses one value into the candidate.
func (s *Service) setColumn(c *candidate, col, v string, now time.Time, loc *time.Location) (err error) {
	p := c.s
	switch col {
	case ColEmail:
		p.Email, err = NormalizeEmail(v)
	case ColFirstName:
		p.FirstName, err = cleanText(v)
	case ColLastName:
		p.LastName, err = cleanText(v)
	case ColPostcode:
		if p.Postcode, err = normalizePostcode(v); err == nil {
			p.District = s.cfg.Districts.Of(p.Postcode)
		}
	case ColPhone:
		p.Phone, err = normalizePhone(v)
	case ColInterests:
		if _, err = cleanText(v); err == nil {
			p.Interests = splitInterests(v)
		}
	case ColConsentAt:
		p.ConsentAt, err = parseConsentAt(v, now, loc)
		if p.ConsentSource == "" {
			p.ConsentSource = c.s.Source // --source stands in for a missing consent_source
		}
	case ColConsentSource:
		p.ConsentSource, err = cleanText(v)
	case ColMobilised:
		_, p.Mobilised, err = parseYesNo(v)
	}
	return err
}
