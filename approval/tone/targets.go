package tone

import "strings"

// referent remembers the last person or group a text spoke about, so that
// "il", "ils" or "they" can be resolved.
type referent struct {
	sent   int32
	person int16
	own    bool
	ok     bool
}

// resolveTargets decides which units are targets: opponents, vague
// targets, "certains" used as a pronoun, and pronouns whose referent is an
// opponent (or, for ils/they, nobody of ours).
func (s *scratch) resolveTargets() {
	var last referent
	for i := range s.units {
		u := &s.units[i]
		c := u.in.cls
		switch {
		case c&cOwn != 0:
			last = referent{sent: u.sent, person: u.in.person, own: true, ok: true}
		case c&cOpponent != 0:
			u.target, u.person = true, u.in.person
			last = referent{sent: u.sent, person: u.in.person, ok: true}
		case c&cVague != 0:
			u.target = true
		case c&cVagueCond != 0:
			u.target = s.pronounUse(i)
		case c&cPronSg != 0:
			s.resolvePronoun(u, last, false)
		case c&cPronPl != 0:
			s.resolvePronoun(u, last, true)
		case c&cOwnMarker != 0:
			last = referent{sent: u.sent, person: -1, own: true, ok: true}
		}
	}
	s.resolveAddress()
	s.dropAnnounced()
}

// resolveAddress makes "vous", "tu", "you" targets when the post speaks
// to an opponent: "Madame Lacombe, vous mentez", "@tolliver you lied",
// "Vous n'avez aucune honte, M. Lacombe."
func (s *scratch) resolveAddress() {
	addressee := int16(-1)
	for i := range s.units {
		u := &s.units[i]
		if u.in.cls&cOpponent != 0 && s.vocative(u) {
			addressee = u.in.person
			break
		}
	}
	if addressee < 0 {
		return
	}
	for i := range s.units {
		if u := &s.units[i]; u.in.cls&cPron2 != 0 && u.in.cls&cOwn == 0 {
			u.target, u.person = true, addressee
		}
	}
}

// vocative reports a name set apart as an address: a mention, or a name
// alone in its clause ("Madame Lacombe, …", "…, M. Lacombe.").
func (s *scratch) vocative(u *unit) bool {
	if s.toks[u.t0].flags&tMention != 0 {
		return true
	}
	k := int(u.t0) - 1
	for k >= 0 && s.toks[k].clause == u.clause && titles[s.toks[k].key(s)] {
		k--
	}
	before := k < 0 || s.toks[k].clause != u.clause
	after := int(u.t1) >= len(s.toks) || s.toks[u.t1].clause != u.clause
	return before && after
}

// titles may precede an addressed name.
var titles = map[string]bool{
	"madame": true, "monsieur": true, "mme": true, "m": true, "mr": true, "mrs": true, "ms": true,
	"cher": true, "chere": true, "dear": true, "mister": true, "miss": true,
}

// resolvePronoun makes u a target when its referent, in this sentence or
// the one before, is an opponent. A plural pronoun with no referent at all
// is a vague target ("ils veulent…"); a singular one is not.
func (s *scratch) resolvePronoun(u *unit, last referent, plural bool) {
	if s.impersonal(u) || plural && s.countedGroup(u) {
		return
	}
	if last.ok && u.sent-last.sent <= 1 {
		u.target, u.person = !last.own, last.person
		return
	}
	if s.aboutOthers() {
		u.target = true
		return
	}
	u.target = plural && s.subjectPronoun(u)
	u.loose = u.target
}

// dropAnnounced clears the loose targets of each sentence that names our
// side after them: a plural pronoun with no referent then announces it
// ("Ils n'ont jamais baissé les bras : bravo aux habitants du Petit
// Bard"). One backward pass; it also records whether any target is left.
func (s *scratch) dropAnnounced() {
	own, sent := false, int32(-1)
	s.anyTgt = false
	for i := len(s.units) - 1; i >= 0; i-- {
		u := &s.units[i]
		if u.sent != sent {
			own, sent = false, u.sent
		}
		own = own || u.in.cls&(cOwn|cOwnMarker) != 0
		if own && u.loose {
			u.target = false
		}
		s.anyTgt = s.anyTgt || u.target
	}
}

// subjectPronoun reports "ils", "elles", "they": an object or possessive
// ("fix them", "their") with no referent means nobody in particular.
func (s *scratch) subjectPronoun(u *unit) bool {
	switch s.toks[u.t0].key(s) {
	case "ils", "elles", "they":
		return true
	}
	return false
}

// aboutOthers reports a short post with no own-team name, no "nous",
// "we" or "je": there, "il" or "elle" with no referent means the
// other camp ("Il a encore menti.").
func (s *scratch) aboutOthers() bool {
	if len(s.toks) > shortTokens {
		return false
	}
	for i := range s.units {
		if s.units[i].in.cls&(cOwn|cOwnMarker) != 0 {
			return false
		}
	}
	for i := range s.toks {
		switch k := s.toks[i].key(s); k {
		case "nous", "we", "je", "j", "i", "our", "notre", "nos", "us":
			return false
		default:
			if strings.HasPrefix(k, "we'") || strings.HasPrefix(k, "i'") {
				return false // we'll, I'm
			}
		}
	}
	return true
}

// impersonal reports "il faut", "il y a", "il s'agit": no one is meant.
func (s *scratch) impersonal(u *unit) bool {
	if int(u.t1) >= len(s.toks) {
		return false
	}
	switch s.toks[u.t1].key(s) {
	case "faut", "fallait", "faudra", "faudrait", "y", "s", "semble", "reste", "suffit":
		return s.toks[u.t0].key(s) == "il"
	}
	return false
}

// pronounUse reports whether "certains" at unit i stands alone as a
// pronoun ("certains veulent…", "certains, …") rather than before a noun
// ("certains quartiers").
func (s *scratch) pronounUse(i int) bool {
	u := &s.units[i]
	next := int(u.t1)
	if next >= len(s.toks) || s.toks[next].clause != u.clause {
		return true
	}
	switch s.toks[next].key(s) {
	case "dans", "parmi", "chez", "qui", "ici":
		return true // "certains dans cette campagne…", "certains qui…"
	}
	if i+1 < len(s.units) && s.units[i+1].t0 == int32(next) {
		c := s.units[i+1].in.cls
		return c&(cFollow|cClaim|cNegator|cAttack|cNegative|cPositive|cRidicule) != 0
	}
	return false
}

// countedGroup reports a plural pronoun that a count defines: "Ils sont
// 4 000 étudiants à…", "elles sont nombreuses", "they are 200 volunteers".
// The count names the group; it is not the other camp.
func (s *scratch) countedGroup(u *unit) bool {
	i := int(u.t1)
	if i+1 >= len(s.toks) {
		return false
	}
	switch s.toks[i].key(s) {
	case "sont", "etaient", "seront", "are", "were":
	default:
		return false
	}
	n := &s.toks[i+1]
	return n.flags&tNumber != 0 || countWords[string(s.keys[n.ks:n.ke])]
}

var countWords = map[string]bool{
	"nombreux": true, "nombreuses": true, "des": true, "plus": true, "many": true, "thousands": true, "hundreds": true,
}
