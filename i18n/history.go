package i18n

// History entries' details as codes (see Code): the services store these
// keys with their parameters; each reader sees them in her language.
// Times are RFC 3339 parameters, formatted per reader; states, verdicts
// and approvers are codes the dashboard names in the reader's language.
func init() {
	add(map[string][2]string{
		"history.scheduled":           {"programmé pour le {at}", "scheduled for {at}"},
		"history.scheduled_ack":       {"programmé pour le {at} ; avertissements de ton lus", "scheduled for {at}; tone warnings acknowledged"},
		"history.moved":               {"déplacé du {from} au {to}", "moved from {from} to {to}"},
		"history.moved_voided":        {"déplacé du {from} au {to} ; approbation annulée, retour en validation", "moved from {from} to {to}; approval voided, back to review"},
		"history.moved_renewed":       {"déplacé du {from} au {to} ; approbation renouvelée", "moved from {from} to {to}; approval renewed"},
		"history.unscheduled":         {"sans date", "no date"},
		"history.override":            {"verdict de ton « {verdict} » levé : {reason}", "tone verdict \u201c{verdict}\u201d overridden: {reason}"},
		"history.cancel":              {"motif : {reason}", "reason: {reason}"},
		"history.expire":              {"demande de validation expirée à l'heure prévue", "approval request expired at the scheduled time"},
		"history.was":                 {"état précédent : {state}", "was {state}"},
		"history.rereview":            {"profil de ton du compte modifié : verdict {verdict}, retour à l'état {state}", "account's tone profile changed: verdict {verdict}, back to {state}"},
		"history.comment":             {"« {text} »", "\u201c{text}\u201d"},
		"history.decision":            {"« {text} »", "\u201c{text}\u201d"},
		"history.resolved":            {"{account} : {state} à la main {url}", "{account}: {state} by hand {url}"},
		"history.resolved_note":       {"{account} : {state} à la main {url} — {note}", "{account}: {state} by hand {url} — {note}"},
		"history.recurrence":          {"répétition n° {id} « {spec} » ({tz}), prochaine le {next}", "recurrence #{id} \u201c{spec}\u201d ({tz}), next {next}"},
		"history.recurrence_stop":     {"répétition n° {id} arrêtée", "recurrence #{id} stopped"},
		"history.recurrence_changed":  {"répétition n° {id} arrêtée : la publication a été modifiée, annulée ou refusée depuis son approbation", "recurrence #{id} stopped: its post was edited, cancelled or rejected since it was approved"},
		"history.recur":               {"occurrence de la répétition n° {id} (publication #{post}) le {at}", "occurrence of recurrence #{id} (post #{post}) at {at}"},
		"history.account_gone":        {"compte n° {id}", "account #{id}"},
		"history.delivery":            {"{account} : {state} {url}", "{account}: {state} {url}"},
		"history.delivery_error":      {"{account} : {state} {url} ({error})", "{account}: {state} {url} ({error})"},
		"history.fan_out.one":         {"{n} diffusion", "{n} delivery"},
		"history.fan_out.other":       {"{n} diffusions", "{n} deliveries"},
		"history.variant_sent":        {"test A/B n° {id} : variante {variant} envoyée à {n} destinataires", "A/B test #{id}: variant {variant} sent to {n} recipients"},
		"history.winner_sent":         {"test A/B n° {id} : variante {variant} (p = {p}, {outcome}) envoyée à {n} destinataires de plus", "A/B test #{id}: variant {variant} (p = {p}, {outcome}) sent to {n} more recipients"},
		"history.decided":             {"test A/B n° {id} : variante {variant} retenue ({outcome}, p = {p}) ; succès par variante : {counts}", "A/B test #{id}: variant {variant} chosen ({outcome}, p = {p}); successes per variant: {counts}"},
		"history.experiment_created":  {"test A/B n° {id} : {variants} variantes, {audience}, échantillon de {sample} % ({recipients} destinataires), mesure : {metric}, décision après {after}", "A/B test #{id}: {variants} variants, {audience}, sample of {sample}% ({recipients} recipients), metric: {metric}, decided after {after}"},
		"history.audience.colistiers": {"colistiers", "running mates"},
		"history.audience.supporters": {"soutiens", "supporters"},
		"history.metric.clicks":       {"clics", "clicks"},
		"history.metric.shares":       {"partages", "shares"},
		"outcome.below_min":           {"pas de différence : moins de 30 succès au total", "no difference: fewer than 30 successes overall"},
		"outcome.not_significant":     {"pas de différence : non significatif à 95 %", "no difference: not significant at 95%"},
		"outcome.significant":         {"différence significative à 95 %", "significant at 95%"},
		"verdict.ok":                  {"conforme", "OK"},
		"verdict.warn":                {"avertissement", "warning"},
		"verdict.block":               {"bloqué", "blocked"},
		"history.event":               {"événement {slug}", "event {slug}"},
		"history.demo_unknown":        {"démo : une diffusion dont l'issue est inconnue", "demo: a delivery whose outcome is unknown"},
		"delivery.timeout":            {"délai dépassé en attendant la réponse de la plateforme", "timeout waiting for the platform's answer"},
	})
}
