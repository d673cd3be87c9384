package ui

import (
	"strings"

	"github.com/relais/relais"
)

// The lifecycle's strings: refused transitions (relais.PostTransition,
// relais.DeliveryTransition), stale state writes (relais.StaleStateError)
// and the names of the events they carry.
func init() {
	for k, v := range map[string][2]string{
		"error.transition":                  {"Action « {event} » impossible : {kind} est à l'état « {from} » (cette action mène à : {to}).", "Cannot {event}: the {kind} is {from} (this action leads to: {to})."},
		"error.stale_state":                 {"Entre-temps, {kind} est passée à l'état « {found} » : elle n'est plus « {from} » (action « {event} »). Rechargez la page.", "The {kind} changed meanwhile: it is {found}, no longer {from} (action {event}). Reload it."},
		"lifecycle.kind.post":               {"la publication", "post"},
		"lifecycle.kind.delivery":           {"la diffusion", "delivery"},
		"lifecycle.event.create":            {"créer", "create"},
		"lifecycle.event.duplicate":         {"dupliquer", "duplicate"},
		"lifecycle.event.recur":             {"répéter", "recur"},
		"lifecycle.event.submit":            {"envoyer en validation", "submit"},
		"lifecycle.event.override":          {"passer outre le blocage de ton", "override the tone block"},
		"lifecycle.event.approve_step":      {"approuver (1re étape)", "approve (first step)"},
		"lifecycle.event.approve":           {"approuver", "approve"},
		"lifecycle.event.request_changes":   {"demander des modifications", "request changes"},
		"lifecycle.event.reject":            {"refuser", "reject"},
		"lifecycle.event.expire":            {"expirer", "expire"},
		"lifecycle.event.edit":              {"modifier", "edit"},
		"lifecycle.event.reschedule":        {"reprogrammer", "reschedule"},
		"lifecycle.event.renew":             {"reprogrammer en renouvelant l'approbation", "reschedule, renewing the approval"},
		"lifecycle.event.rereview":          {"revoir le ton", "review the tone again"},
		"lifecycle.event.rereview_block":    {"bloquer pour le ton", "block for its tone"},
		"lifecycle.event.cancel":            {"annuler", "cancel"},
		"lifecycle.event.delete":            {"supprimer", "delete"},
		"lifecycle.event.fan_out":           {"diffuser", "fan out"},
		"lifecycle.event.send_variant":      {"envoyer la variante", "send the variant"},
		"lifecycle.event.settle_published":  {"conclure : publié", "settle as published"},
		"lifecycle.event.settle_partial":    {"conclure : publié en partie", "settle as partially published"},
		"lifecycle.event.settle_failed":     {"conclure : échec", "settle as failed"},
		"lifecycle.event.settle_unknown":    {"conclure : issue inconnue", "settle as outcome unknown"},
		"lifecycle.event.hold":              {"retenir (réserve électorale)", "hold (blackout)"},
		"lifecycle.event.start_publishing":  {"publier", "publish"},
		"lifecycle.event.retry":             {"réessayer plus tard", "retry later"},
		"lifecycle.event.resolve_published": {"régler à la main : publié", "resolve as published"},
		"lifecycle.event.resolve_failed":    {"régler à la main : échec", "resolve as failed"},
		"audit.post.settle":                 {"issue de la diffusion", "publication settled"},
		"audit.demo.seed":                   {"exemple de démonstration", "demo example"},
		"detail.state":                      {"%s", "%s"},
	} {
		messages[k] = v
	}
}

// lifecycleParams names, in lang, the kind, states and event of a
// lifecycle error's parameters; other errors' parameters are returned
// as they are.
func lifecycleParams(lang, key string, params map[string]string) map[string]string {
	if key != "error.transition" && key != "error.stale_state" {
		return params
	}
	out := make(map[string]string, len(params))
	for k, v := range params {
		switch k {
		case "kind":
			v = translate(lang, "lifecycle.kind."+v)
		case "event":
			v = translate(lang, "lifecycle.event."+v)
		case "from", "found", "to":
			v = stateNames(lang, v)
		}
		out[k] = v
	}
	return out
}

// stateNames names the comma-separated states of v in lang.
func stateNames(lang, v string) string {
	if v == "" {
		return "—"
	}
	parts := strings.Split(v, ",")
	for i, s := range parts {
		parts[i] = translate(lang, "state."+s)
	}
	return strings.Join(parts, ", ")
}

// lifecycleEvents lists every event of both lifecycles (catalogue test).
func lifecycleEvents() []string {
	var out []string
	for _, r := range relais.PostLifecycle {
		out = append(out, string(r.Event))
	}
	for _, r := range relais.DeliveryLifecycle {
		out = append(out, string(r.Event))
	}
	for ev := range relais.PostInitial {
		out = append(out, string(ev))
	}
	return out
}
