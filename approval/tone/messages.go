package tone

import "fmt"

// messages explains hit h in French and English.
func (b *builder) messages(h hit) (fr, en string) {
	cue := b.snippet(h.cue)
	who := ""
	if h.target >= 0 {
		who = b.targetName(h.target)
	}
	switch {
	case h.rule == ruleAttack && h.negator >= 0:
		return fmt.Sprintf("Attaque personnelle : qualité niée (« %s ») à propos de %s. Parlez de notre projet, pas de la personne.", cue, who),
			fmt.Sprintf("Personal attack: a quality denied (\"%s\") about %s. Talk about our plans, not the person.", cue, who)
	case h.rule == ruleAttack:
		return fmt.Sprintf("Attaque personnelle contre %s (« %s »). Nous n'attaquons jamais les personnes.", who, cue),
			fmt.Sprintf("Personal attack on %s (\"%s\"). We never attack people.", who, cue)
	case h.rule == ruleNegative:
		return fmt.Sprintf("Message négatif visant %s (« %s »). Présentez plutôt ce que nous proposons.", who, cue),
			fmt.Sprintf("Negative messaging about %s (\"%s\"). Present what we propose instead.", who, cue)
	case h.rule == ruleDesintox:
		return fmt.Sprintf("Désintox : réfutation d'une affirmation (« %s », « %s »). Pas de désintox : affirmez nos propres faits.", cue, who),
			fmt.Sprintf("Rebuttal / fact-check (\"%s\", \"%s\"). No rebuttals: state our own facts.", cue, who)
	}
	return fmt.Sprintf("Moquerie visant %s (« %s »). Nous ne ridiculisons personne.", who, cue),
		fmt.Sprintf("Mockery aimed at %s (\"%s\"). We never ridicule anyone.", who, cue)
}

// styleMessages explains shouting at a target.
func styleMessages(who string) (fr, en string) {
	return fmt.Sprintf("Ton agressif (majuscules ou « !! ») dans une phrase qui vise %s.", who),
		fmt.Sprintf("Aggressive style (capitals or \"!!\") in a sentence aimed at %s.", who)
}
