package textlen

import "unicode/utf8"

// urlScanner matches URLs in one text. It records, for each byte, where
// the run of label characters (domain characters, "-" and "_") starting
// there ends and where the next "_" is, and remembers domain matches by
// start, so that scanning stays linear in the text's length.
type urlScanner struct {
	text      string
	runEnd    []int32
	nextUnder []int32
	domains   []int32 // domain end by start; -1 none, unknown below
}

// unknownDomain marks a start whose domain is not computed yet.
const unknownDomain = -2

func newURLScanner(text string) *urlScanner {
	s := &urlScanner{text: text}
	n := len(text) + 1
	buf := make([]int32, 3*n)
	s.runEnd, s.nextUnder, s.domains = buf[:n], buf[n:2*n], buf[2*n:]
	fill(s.domains, unknownDomain)
	runStart, underFill := 0, 0
	for i := 0; i <= len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if i == len(text) || !(isDomainChar(r) || r == '-' || r == '_') {
			fill(s.runEnd[runStart:i+1], i)
			runStart = i + 1
		}
		if i == len(text) || r == '_' {
			fill(s.nextUnder[underFill:i+1], i)
			underFill = i + 1
		}
		i += max(size, 1)
	}
	return s
}

func fill(dst []int32, v int) {
	for i := range dst {
		dst[i] = int32(v)
	}
}

// matchURLAt matches twitter-text's URL expression with its start fixed at
// text[start:]: an optional http(s):// protocol, a domain, then an optional
// port, path and query.
func (s *urlScanner) matchURLAt(start int) (urlMatch, bool) {
	for _, proto := range []string{"https://", "http://", ""} {
		if prefixFold(s.text, start, proto) < 0 {
			continue
		}
		d := start + len(proto)
		end := s.domain(d)
		if end < 0 {
			continue
		}
		m := urlMatch{start: start, protocol: s.text[start:d], domain: s.text[d:end]}
		m.end, m.path = matchURLTail(s.text, end)
		return m, true
	}
	return urlMatch{}, false
}

// domain matches subdomain* domainName TLD at text[p:] the way a
// backtracking regexp would: as many subdomains as possible, then fewer.
// Labels are runs of domain characters (with "-", and "_" in subdomains)
// that neither start nor end with "-" or "_", each followed by a dot.
// It returns the domain's end or -1.
func (s *urlScanner) domain(p int) int {
	var chain []int
	for q := p; s.domains[q] == unknownDomain; {
		chain = append(chain, q)
		l, ok := s.label(q)
		if !ok || !l.ok {
			break
		}
		q = l.end + 1
	}
	for i := len(chain) - 1; i >= 0; i-- {
		s.domains[chain[i]] = int32(s.resolve(chain[i]))
	}
	return int(s.domains[p])
}

// resolve computes the domain at q once the domain after its first label
// is known: more subdomains first, else this label as the name and a TLD.
func (s *urlScanner) resolve(q int) int {
	l, ok := s.label(q)
	if !ok || !l.ok {
		return -1
	}
	if end := s.domains[l.end+1]; end >= 0 {
		return int(end)
	}
	if l.underscore {
		return -1
	}
	return matchTLD(s.text, l.end+1)
}

// label is a dot-terminated run of label characters; end is the dot.
type label struct {
	end        int
	ok         bool // starts and ends with a domain character
	underscore bool
}

// label returns the label at p, or false if the run there is empty or not
// followed by a dot.
func (s *urlScanner) label(p int) (label, bool) {
	e := int(s.runEnd[p])
	if e == p || e >= len(s.text) || s.text[e] != '.' {
		return label{}, false
	}
	first, _ := utf8.DecodeRuneInString(s.text[p:])
	last, _ := utf8.DecodeLastRuneInString(s.text[:e])
	return label{
		end:        e,
		ok:         isDomainChar(first) && isDomainChar(last),
		underscore: int(s.nextUnder[p]) < e,
	}, true
}

// asciiDomains finds twitter-text's validAsciiDomain matches in domain:
// ([-a-z0-9 and Latin accents]+\.)+ followed by a TLD. It returns their
// byte ranges.
func asciiDomains(domain string) [][2]int {
	var found [][2]int
	for i := 0; i < len(domain); {
		end, stop := matchASCIIDomain(domain, i)
		switch {
		case end > 0:
			found = append(found, [2]int{i, end})
			i = end
		case stop > i:
			i = stop // every start before stop has the same dots: no match
		default:
			_, size := utf8.DecodeRuneInString(domain[i:])
			i += size
		}
	}
	return found
}

// matchASCIIDomain matches at s[i:], trying the farthest dot first. It
// returns the end or -1, and where its labels stopped.
func matchASCIIDomain(s string, i int) (end, stop int) {
	var dots []int
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == '.' && j > i && (len(dots) == 0 || dots[len(dots)-1] < j-1) {
			dots = append(dots, j)
		} else if r == '.' || !isASCIIDomainChar(r) {
			break
		}
		j += size
	}
	for k := len(dots) - 1; k >= 0; k-- {
		if end := matchTLD(s, dots[k]+1); end >= 0 {
			return end, j
		}
	}
	return -1, j
}
