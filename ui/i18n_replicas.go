package ui

// Messages of the replicas work (issue 18), merged into the catalogue.
func init() {
	for k, v := range map[string][2]string{
		"post.held_by":    {"en cours sur", "in progress on"},
		"post.held_since": {"depuis", "since"},
	} {
		messages[k] = v
	}
}
