package ui

import (
	"net/http"
	"strconv"
)

// securityMessages are the strings of the security hardening (issue 11),
// merged into messages at start.
var securityMessages = map[string][2]string{
	"post.history_more":        {"Suite de l'historique", "More history"},
	"settings.member_manage":   {"Gérer les membres", "Manage members"},
	"settings.member_role":     {"Changer le rôle", "Change role"},
	"settings.member_password": {"Définir le mot de passe", "Set password"},
	"settings.member_disable":  {"Désactiver", "Disable"},
	"settings.member_disabled": {"désactivé·e", "disabled"},
}

func init() {
	for k, v := range securityMessages {
		messages[k] = v
	}
}

// historyAfter reads the ?history_after= cursor of a post's history
// (0 when absent or malformed: the first page).
func historyAfter(r *http.Request) int64 {
	n, err := strconv.ParseInt(r.URL.Query().Get("history_after"), 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}
