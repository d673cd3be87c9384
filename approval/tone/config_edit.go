package tone

import (
	"bytes"

	"gopkg.in/yaml.v3"
)

// Lists is the part of a configuration the settings forms edit: the
// people the rules know and each profile's severities.
type Lists struct {
	Opponents []Person           `yaml:"opponents"`
	OwnTeam   []Person           `yaml:"own_team"`
	Profiles  map[string]Profile `yaml:"profiles"`
}

// ReadLists returns the lists of a YAML configuration, ignoring its other
// keys (lexicons, lexicon files). Errors are YAML syntax errors.
func ReadLists(data []byte) (Lists, error) {
	var l Lists
	if err := yaml.Unmarshal(data, &l); err != nil {
		return Lists{}, syntaxError(err)
	}
	return l, nil
}

// SetKey returns data with its top-level key set to value (added at the
// end when missing). Every other key, and the comments, stay as written.
func SetKey(data []byte, key string, value any) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, syntaxError(err)
	}
	if len(doc.Content) == 0 {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map"}}}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &ConfigError{Line: root.Line, Msg: "want a mapping at the top"}
	}
	var v yaml.Node
	if err := v.Encode(value); err != nil {
		return nil, err
	}
	setPair(root, key, &v)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return b.Bytes(), enc.Close()
}

// setPair replaces key's value in mapping m, or appends the pair.
func setPair(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			v.HeadComment, v.LineComment = m.Content[i+1].HeadComment, m.Content[i+1].LineComment
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}
