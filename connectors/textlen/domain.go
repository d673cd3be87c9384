package textlen

import "unicode/utf8"

// matchURLAt matches twitter-text's URL expression with its start fixed at
// text[s:]: an optional http(s):// protocol, a domain, then an optional
// port, path and query.
func matchURLAt(text string, s int) (urlMatch, bool) {
	for _, proto := range []string{"https://", "http://", ""} {
		if prefixFold(text, s, proto) < 0 {
			continue
		}
		d := s + len(proto)
		end := matchDomain(text, d)
		if end < 0 {
			continue
		}
		m := urlMatch{start: s, protocol: text[s:d], domain: text[d:end]}
		m.end, m.path = matchURLTail(text, end)
		return m, true
	}
	return urlMatch{}, false
}

// matchDomain matches subdomain* domainName TLD at text[i:] the way a
// backtracking regexp would: as many subdomains as possible, then fewer.
// Labels are runs of domain characters (with "-", and "_" in subdomains)
// that neither start nor end with "-" or "_", each followed by a dot.
// It returns the domain's end or -1.
func matchDomain(text string, i int) int {
	labels := domainLabels(text, i)
	subs := 0
	for subs < len(labels) && labels[subs].ok {
		subs++
	}
	for k := min(subs, len(labels)-1); k >= 0; k-- {
		if !labels[k].ok || labels[k].underscore {
			continue
		}
		if end := matchTLD(text, labels[k].end+1); end >= 0 {
			return end
		}
	}
	return -1
}

// label is a dot-terminated run of domain characters; end is the dot.
type label struct {
	end        int
	ok         bool // starts and ends with a domain character
	underscore bool
}

// domainLabels returns the consecutive dot-terminated labels at text[i:].
func domainLabels(text string, i int) []label {
	var labels []label
	for i < len(text) {
		l, next := scanLabel(text, i)
		if next < 0 {
			break
		}
		labels = append(labels, l)
		if !l.ok {
			break
		}
		i = next
	}
	return labels
}

// scanLabel reads domain characters, "-" and "_" from text[i:] up to a dot.
// It returns next < 0 if the run is empty or not followed by a dot.
func scanLabel(text string, i int) (l label, next int) {
	start, lastOK := i, false
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '.':
			if i == start {
				return l, -1
			}
			l.end, l.ok = i, l.ok && lastOK
			return l, i + 1
		case r == '-' || r == '_':
			l.underscore = l.underscore || r == '_'
			lastOK = false
		case isDomainChar(r):
			if i == start {
				l.ok = true
			}
			lastOK = true
		default:
			return l, -1
		}
		i += size
	}
	return l, -1
}

// asciiDomains finds twitter-text's validAsciiDomain matches in domain:
// ([-a-z0-9 and Latin accents]+\.)+ followed by a TLD. It returns their
// byte ranges.
func asciiDomains(domain string) [][2]int {
	var found [][2]int
	for i := 0; i < len(domain); {
		if end := matchASCIIDomain(domain, i); end > 0 {
			found = append(found, [2]int{i, end})
			i = end
			continue
		}
		_, size := utf8.DecodeRuneInString(domain[i:])
		i += size
	}
	return found
}

func matchASCIIDomain(s string, i int) int {
	var dots []int
	for j := i; j < len(s); {
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
			return end
		}
	}
	return -1
}
