package tone

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// decodeConfig fills cfg from the document's top mapping.
func decodeConfig(n *yaml.Node, cfg *Config, dir string) error {
	var files *yaml.Node
	err := eachPair(n, "", func(key string, k, v *yaml.Node) error {
		var err error
		switch key {
		case "opponents":
			cfg.Opponents, err = decodePersons(v, key)
		case "own_team":
			cfg.OwnTeam, err = decodePersons(v, key)
		case "profiles":
			cfg.Profiles, err = decodeProfiles(v, key)
		case "lexicons":
			cfg.Lexicons, err = decodeLexicons(v, key)
		case "lexicon_files":
			files = v // after lexicons, which it extends
		default:
			err = fieldError(k, key, "unknown field (want opponents, own_team, profiles, lexicons or lexicon_files)")
		}
		return err
	})
	if err == nil && files != nil {
		err = decodeLexiconFiles(files, "lexicon_files", dir, cfg)
	}
	return err
}

// decodePersons reads a list of people; an item may be a bare name.
func decodePersons(n *yaml.Node, field string) ([]Person, error) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, fieldError(n, field, "want a list of people, got %s", kindName(n))
	}
	out := make([]Person, 0, len(n.Content))
	for i, item := range n.Content {
		f := fmt.Sprintf("%s[%d]", field, i)
		p, err := decodePerson(item, f)
		if err != nil {
			return nil, err
		}
		if err := checkPerson(p, f); err != nil {
			err.(*ConfigError).Line = item.Line
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func decodePerson(n *yaml.Node, field string) (Person, error) {
	var p Person
	if n.Kind == yaml.ScalarNode {
		name, err := scalar(n, field)
		p.Name = name
		return p, err
	}
	err := eachPair(n, field, func(key string, k, v *yaml.Node) error {
		var err error
		f := join(field, key)
		switch key {
		case "name":
			p.Name, err = scalar(v, f)
		case "aliases":
			p.Aliases, err = stringList(v, f)
		case "handles":
			p.Handles, err = stringList(v, f)
		case "role":
			p.Role, err = scalar(v, f)
		default:
			err = fieldError(k, f, "unknown field (want name, aliases, handles or role)")
		}
		return err
	})
	if err == nil && strings.TrimSpace(p.Name) == "" {
		err = fieldError(n, join(field, "name"), "name is required")
	}
	return p, err
}

// decodeProfiles reads profile → rule → severity.
func decodeProfiles(n *yaml.Node, field string) (map[string]Profile, error) {
	out := map[string]Profile{}
	err := eachPair(n, field, func(name string, _, v *yaml.Node) error {
		p := Profile{}
		out[name] = p
		return eachPair(v, join(field, name), func(r string, k, sv *yaml.Node) error {
			f := join(join(field, name), r)
			sev, err := scalar(sv, f)
			if err != nil {
				return err
			}
			if msg := checkProfileEntry(r, sev); msg != "" {
				return fieldError(k, f, "%s", msg)
			}
			p[r] = sev
			return nil
		})
	})
	return out, err
}

// decodeLexicons reads language → section → entries.
func decodeLexicons(n *yaml.Node, field string) (map[string]map[string][]string, error) {
	out := map[string]map[string][]string{}
	err := eachPair(n, field, func(lang string, k, v *yaml.Node) error {
		if msg := checkLang(lang); msg != "" {
			return fieldError(k, join(field, lang), "%s", msg)
		}
		sections := map[string][]string{}
		out[lang] = sections
		return eachPair(v, join(field, lang), func(cat string, k, lv *yaml.Node) error {
			f := join(join(field, lang), cat)
			if msg := checkCategory(cat); msg != "" {
				return fieldError(k, f, "%s", msg)
			}
			specs, err := stringList(lv, f)
			for i := 0; err == nil && i < len(specs); i++ {
				if e := checkSpec(specs[i]); e != nil {
					err = &ConfigError{Line: lv.Content[i].Line, Field: fmt.Sprintf("%s[%d]", f, i), Msg: e.Error(), Err: e}
				}
			}
			sections[cat] = specs
			return err
		})
	})
	return out, err
}
