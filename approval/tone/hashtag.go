package tone

import "strings"

// Hashtags that fuse a name with a verdict: #StopLacombe, #LacombeDémission,
// #ByeByeTolliver, #TolliverLies. The hashtag is a target (the person it
// names) and, when the rest of it is a known verdict, a cue about them.

// hashName is a folded name, alias or handle looked for inside hashtags.
type hashName struct {
	key    string
	person int16
	own    bool
}

// hashtagCues maps what remains of a hashtag once the name is removed to
// the cue it carries.
var hashtagCues = map[string]class{
	"stop": cNegative, "degage": cNegative, "demission": cNegative, "dehors": cNegative, "out": cNegative,
	"jamais": cNegative, "never": cNegative, "no": cNegative, "non": cNegative, "nope": cNegative,
	"anti": cNegative, "contre": cNegative, "pas": cNegative, "bye": cNegative, "byebye": cNegative,
	"adieu": cNegative, "ciao": cNegative, "gameover": cNegative, "fail": cNegative, "echec": cNegative,
	"honte": cNegative, "shame": cNegative, "scandale": cNegative, "gate": cNegative,
	"ment": cAttack, "menteur": cAttack, "menteuse": cAttack, "mensonges": cAttack, "lies": cAttack,
	"liar": cAttack, "fraud": cAttack, "fake": cAttack, "corrompu": cAttack, "corrupt": cAttack,
	"clown": cRidicule, "lol": cRidicule, "mdr": cRidicule, "bouffon": cRidicule, "guignol": cRidicule,
}

// addHashNames indexes the names of p for hashtags.
func (e *Engine) addHashNames(p Person, idx int16, own bool) {
	var keys []string
	for _, n := range p.names() {
		keys = append(keys, strings.Join(keysOf(strings.TrimPrefix(n, "@")), ""))
	}
	if words := keysOf(p.Name); len(words) > 1 {
		keys = append(keys, words[len(words)-1]) // the surname: #StopLacombe
	}
	for _, key := range keys {
		if len(key) >= 4 {
			e.hashNames = append(e.hashNames, hashName{key: key, person: idx, own: own})
		}
	}
}

// matchHashtag recognises a hashtag that contains a name.
func (e *Engine) matchHashtag(key string) (info, bool) {
	if len(key) < 5 || key[0] != '#' {
		return info{}, false
	}
	body := key[1:]
	for _, h := range e.hashNames {
		i := strings.Index(body, h.key)
		if i < 0 {
			continue
		}
		in := info{cls: cOpponent, person: h.person}
		if h.own {
			return info{cls: cOwn, person: h.person}, true
		}
		if c, ok := hashtagCues[body[:i]+body[i+len(h.key):]]; ok {
			in.cls |= c
			if r, ok := cueRule(c); ok {
				in.weight[r] = 1
			}
		}
		return in, true
	}
	return info{}, false
}
