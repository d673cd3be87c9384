package tone

// Built-in profile names.
const (
	ProfileCandidate = "candidate"
	ProfileCampaign  = "campaign"
	ProfileColistier = "colistier"
)

// compileProfiles resolves the configured profiles over the defaults:
// candidate blocks every rule, campaign blocks attack and ridicule and
// warns on desintox and negative, colistier follows candidate unless it is
// configured itself. A rule a profile leaves out keeps its default (the
// candidate's for custom profiles). Style never blocks.
func compileProfiles(cfg map[string]Profile) map[string]profile {
	out := map[string]profile{}
	out[ProfileCandidate] = overlay(candidateProfile, cfg[ProfileCandidate])
	out[ProfileCampaign] = overlay(campaignProfile, cfg[ProfileCampaign])
	out[ProfileColistier] = overlay(out[ProfileCandidate], cfg[ProfileColistier])
	for name, p := range cfg {
		if _, done := out[name]; !done {
			out[name] = overlay(out[ProfileCandidate], p)
		}
	}
	return out
}

func overlay(base profile, p Profile) profile {
	for name, sev := range p {
		r, ok1 := ruleByName(name)
		s, ok2 := parseSeverity(sev)
		if ok1 && ok2 {
			base[r] = s
		}
	}
	if base[ruleStyle] == sevBlock {
		base[ruleStyle] = sevWarn
	}
	return base
}
