package supporters

import (
	"fmt"
	"net/mail"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// maxField is the longest value accepted in any column.
const maxField = 320

// idnaProfile converts an internationalised domain to its ASCII form
// (UTS #46, as browsers and mail servers do).
var idnaProfile = idna.New(idna.MapForLookup(), idna.BidiRule(), idna.Transitional(false))

// NormalizeEmail returns the canonical form of an address: trimmed, the
// domain in lower-case ASCII (IDN converted to punycode), the local part in
// lower case (every provider relais's users meet treats it so), so that
// "Lea@Exemple.FR" and "lea@exemple.fr" are one contact. It returns an
// error saying why an address is not usable.
func NormalizeEmail(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", fmt.Errorf("missing")
	}
	if strings.ContainsAny(s, "<(") { // a display name or a comment to strip
		if a, err := mail.ParseAddress(s); err == nil && a.Name != "" {
			s = a.Address // "Léa <lea@exemple.fr>"
		}
	}
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || domain == "" || strings.Contains(domain, "@") {
		return "", fmt.Errorf("not an e-mail address")
	}
	ascii, err := idnaProfile.ToASCII(strings.TrimSuffix(domain, "."))
	if err != nil || !strings.Contains(ascii, ".") {
		return "", fmt.Errorf("invalid domain %q", domain)
	}
	out := strings.ToLower(local) + "@" + strings.ToLower(ascii)
	if _, err := mail.ParseAddress(out); err != nil || len(out) > 254 || strings.ContainsAny(out, " ,;<>\"") {
		return "", fmt.Errorf("not an e-mail address")
	}
	return out, nil
}

// Districts maps postcodes to districts. Paris is built in: 75001-75020
// and 75116 give the 17 sectors (Paris Centre for 1-4); Extra adds the
// configured ones, by postcode or postcode prefix (longest wins).
type Districts struct {
	Extra map[string]string
}

// ParseDistricts reads "93100=Montreuil,92=Hauts-de-Seine" (the
// RELAIS_SUPPORTER_DISTRICTS format).
func ParseDistricts(spec string) (Districts, error) {
	d := Districts{Extra: map[string]string{}}
	for _, part := range strings.Split(spec, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		code, name, ok := strings.Cut(part, "=")
		code, name = strings.TrimSpace(code), strings.TrimSpace(name)
		if !ok || code == "" || name == "" || strings.Trim(code, "0123456789") != "" {
			return d, fmt.Errorf("RELAIS_SUPPORTER_DISTRICTS: %q is not POSTCODE=District", part)
		}
		d.Extra[code] = name
	}
	return d, nil
}

// ParisSector returns the Paris sector of an arrondissement (1-20), as the
// demo campaign and the district map name it.
func ParisSector(arr int) string {
	switch {
	case arr >= 1 && arr <= 4:
		return "Paris Centre"
	case arr >= 5 && arr <= 20:
		return strconv.Itoa(arr) + "e arrondissement"
	}
	return ""
}

// Of returns the district of a (valid) postcode, "" if none is known.
func (d Districts) Of(postcode string) string {
	best, name := 0, ""
	for code, n := range d.Extra {
		if strings.HasPrefix(postcode, code) && len(code) > best {
			best, name = len(code), n
		}
	}
	if name != "" {
		return name
	}
	if postcode == "75116" {
		return ParisSector(16)
	}
	if strings.HasPrefix(postcode, "750") {
		n, _ := strconv.Atoi(postcode[3:])
		return ParisSector(n)
	}
	return ""
}

var postcodeRE = regexp.MustCompile(`^[0-9]{5}$`)

// normalizePostcode accepts five digits (French postcodes), spaces removed.
func normalizePostcode(s string) (string, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if s == "" || postcodeRE.MatchString(s) {
		return s, nil
	}
	return "", fmt.Errorf("not a five-digit postcode")
}

var phoneRE = regexp.MustCompile(`^\+?[0-9]{6,15}$`)

// phoneSeparators are the characters a phone number is written with and
// that are dropped (built once: a Replacer per row cost 7% of an import).
var phoneSeparators = strings.NewReplacer(" ", "", ".", "", "-", "", "(", "", ")", "")

// normalizePhone keeps digits and a leading +, refusing anything else.
func normalizePhone(s string) (string, error) {
	s = phoneSeparators.Replace(strings.TrimSpace(s))
	if s == "" || phoneRE.MatchString(s) {
		return s, nil
	}
	return "", fmt.Errorf("not a phone number")
}

// parseConsentAt reads RFC 3339 or YYYY-MM-DD (midnight, Paris time); a
// date after now is refused.
func parseConsentAt(s string, now time.Time, loc *time.Location) (*time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		if t, err = time.ParseInLocation("2006-01-02", s, loc); err != nil {
			return nil, fmt.Errorf("not a date (RFC 3339 or YYYY-MM-DD)")
		}
	}
	if t.After(now.Add(24 * time.Hour)) {
		return nil, fmt.Errorf("in the future")
	}
	t = t.UTC()
	return &t, nil
}

// parseYesNo reads the mobilised column: yes/no, oui/non, true/false, 1/0.
func parseYesNo(s string) (set, v bool, err error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return false, false, nil
	case "yes", "oui", "y", "o", "true", "vrai", "1", "x":
		return true, true, nil
	case "no", "non", "n", "false", "faux", "0":
		return true, false, nil
	}
	return false, false, fmt.Errorf("not yes or no")
}

// splitInterests reads "logement; vélo;écoles" into trimmed, distinct,
// lower-case values.
func splitInterests(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range strings.Split(s, ";") {
		v = strings.ToLower(strings.TrimSpace(v))
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// cleanText trims a free-text value and checks its length.
func cleanText(s string) (string, error) {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > maxField {
		return "", fmt.Errorf("longer than %d characters", maxField)
	}
	return s, nil
}
