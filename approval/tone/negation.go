package tone

// negationScope is how many words after a negator it reaches, within its
// clause: "n'est pas du tout honnête" still negates "honnête".
const negationScope = 3

// negate marks the units in the scope of a negator.
func (s *scratch) negate() {
	for i := range s.units {
		n := &s.units[i]
		if n.in.cls&cNegator == 0 {
			continue
		}
		for j := i + 1; j < len(s.units); j++ {
			u := &s.units[j]
			if u.t0 > n.t1-1+negationScope || u.clause != n.clause {
				break
			}
			if u.negBy < 0 && !u.in.immune && u.in.cls&cNegator == 0 {
				u.negBy = int32(i)
			}
		}
	}
}

func (u *unit) negated() bool { return u.negBy >= 0 }
