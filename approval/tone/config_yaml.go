package tone

import (
	"fmt"
	"regexp"
	"strconv"

	"gopkg.in/yaml.v3"
)

// ParseConfig parses a YAML configuration. Errors are *ConfigError values
// naming the line and the field: "tone config: line 9:
// profiles.campaign.negative: unknown severity "wrn" (want block, warn or off)".
// An empty document is the default configuration without opponents.
func ParseConfig(data []byte) (*Config, error) { return parseConfigIn(data, "") }

// parseConfigIn parses data, reading lexicon files relative to dir.
func parseConfigIn(data []byte, dir string) (*Config, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, syntaxError(err)
	}
	cfg := &Config{}
	if len(root.Content) == 0 {
		return cfg, nil
	}
	if err := decodeConfig(root.Content[0], cfg, dir); err != nil {
		return nil, err
	}
	return cfg, nil
}

var lineRE = regexp.MustCompile(`^yaml: line (\d+): `)

// syntaxError turns a YAML syntax error into a ConfigError with its line.
func syntaxError(err error) error {
	ce := &ConfigError{Msg: err.Error(), Err: err}
	if m := lineRE.FindStringSubmatch(err.Error()); m != nil {
		ce.Line, _ = strconv.Atoi(m[1])
		ce.Msg = "YAML syntax: " + err.Error()[len(m[0]):]
	}
	return ce
}

// fieldError reports a problem at node n.
func fieldError(n *yaml.Node, field, format string, args ...any) *ConfigError {
	return &ConfigError{Line: n.Line, Field: field, Msg: fmt.Sprintf(format, args...)}
}

// eachPair walks a mapping node, rejecting other kinds and duplicate keys.
func eachPair(n *yaml.Node, field string, fn func(key string, k, v *yaml.Node) error) error {
	if n.Kind != yaml.MappingNode {
		return fieldError(n, field, "want a mapping, got %s", kindName(n))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return fieldError(k, field, "keys must be plain words")
		}
		if seen[k.Value] {
			return fieldError(k, join(field, k.Value), "duplicate key")
		}
		seen[k.Value] = true
		if err := fn(k.Value, k, v); err != nil {
			return err
		}
	}
	return nil
}

// scalar returns the string value of a scalar node.
func scalar(n *yaml.Node, field string) (string, error) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", fieldError(n, field, "want a string, got %s", kindName(n))
	}
	return n.Value, nil
}

// stringList returns the values of a sequence of scalars.
func stringList(n *yaml.Node, field string) ([]string, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, fieldError(n, field, "want a list, got %s", kindName(n))
	}
	out := make([]string, 0, len(n.Content))
	for i, item := range n.Content {
		s, err := scalar(item, fmt.Sprintf("%s[%d]", field, i))
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return strconv.Quote(n.Value)
}

func join(field, key string) string {
	if field == "" {
		return key
	}
	return field + "." + key
}
