package tone

// Signals reports whether text names an opponent, makes a pledge or quotes
// figures; approval routing sends such posts on the candidate's account to
// the candidate.
func (e *Engine) Signals(text string) Signals {
	s := e.getScratch()
	defer e.putScratch(s)
	e.analyze(s, text)
	sig := Signals{Figures: s.figures}
	for i := range s.units {
		u := &s.units[i]
		c := u.in.cls
		sig.Opponent = sig.Opponent || c&cOpponent != 0
		sig.Pledge = sig.Pledge || c&cPledge != 0 || s.futurePledge(u)
		sig.Figures = sig.Figures || c&cFigure != 0 && u.t0 > 0 && s.toks[u.t0-1].flags&tNumber != 0
	}
	if !sig.Figures {
		sig.Figures = s.bigNumber()
	}
	return sig
}

// futurePledge spots "nous créerons", "nous rénoverons": nous followed by a
// first-person plural future.
func (s *scratch) futurePledge(u *unit) bool {
	if u.t1 >= int32(len(s.toks)) || s.toks[u.t0].key(s) != "nous" {
		return false
	}
	k := s.toks[u.t1].key(s)
	return len(k) >= 6 && (k[len(k)-5:] == "erons" || k[len(k)-5:] == "irons" || k[len(k)-5:] == "drons")
}

// bigNumber reports a number of 1,000 or more that is not a year.
func (s *scratch) bigNumber() bool {
	for i := range s.toks {
		t := &s.toks[i]
		if t.flags&tNumber == 0 {
			continue
		}
		k := s.keys[t.ks:t.ke]
		digits := 0
		for _, c := range k {
			if '0' <= c && c <= '9' {
				digits++
			}
		}
		year := len(k) == 4 && (k[0] == '1' && k[1] == '9' || k[0] == '2' && k[1] == '0')
		if digits >= 4 && !year {
			return true
		}
	}
	return false
}
