// Package tone enforces the campaign's tone rules on posts before they are
// published: no personal attacks, no negative messaging about opponents,
// no "désintox" (rebuttals of opponents' claims), never ridicule anyone.
// Plain sentiment scoring fails at this (it rates "lol Tolliver tried to
// explain his tax plan 😂😂" positive and "pas de mauvaise surprise"
// negative), so tone is a rule engine that knows who the opponents are.
//
// # Pipeline
//
// Check runs, on a pooled scratch buffer and without allocating unless it
// reports something:
//
//  1. Tokenise (tokenize*.go): words, numbers, hashtags, mentions and
//     emoji (with skin tones and ZWJ sequences) with byte and UTF-16
//     offsets; URLs skipped; sentences and clauses counted from
//     punctuation; "!!" runs, capitals and quotation marks recorded.
//     Invalid UTF-8 bytes separate words and set Result.InvalidUTF8.
//  2. Fold (fold.go): each word's key is lower-cased with accents and
//     ligatures removed, rune by rune (NFC and NFD fold alike).
//     French elisions are split (l'équipe → l + équipe; not
//     aujourd'hui or quelqu'un) and English possessives dropped.
//  3. Match (match.go): a map from folded keys to lexicon entries, with
//     multi-word phrases tried longest first. The lexicons (lexicon_fr.go,
//     lexicon_en.go, written for relais) hold lemmas that New expands into
//     their inflected forms (morph*.go): mentir → ment, mentent, mentait…;
//     menteur → menteuse…; so "démenti" never matches "dément" and no
//     stemmer is needed. Opponents' and own-team names are entries too.
//  4. Negate (negation.go): ne, pas, jamais, aucun, sans, ni, not, no,
//     never, n't, nobody… reach three words within their clause. A negated
//     cue is dropped ("pas de mauvaise surprise"); a negated quality is
//     kept for the attack rule ("ni sérieux ni honnête"). A denied verb of
//     saying or thinking carries the negation over the rest of its
//     sentence ("Nous ne dirons jamais que nos adversaires sont
//     malhonnêtes").
//  5. Resolve targets (targets.go): opponents; vague targets ("l'équipe
//     d'en face", "some people", "la maire", "ce type", "six ans de",
//     "leur bilan"); "certains" only as a pronoun; il/elle/he/she and
//     ils/they by their last referent (il/elle with none, in a post that
//     speaks of no one of ours, mean the other camp); vous/you when the
//     post addresses an opponent. The own team is never a target, and
//     "ils" after "nos bénévoles" means our side.
//  6. Rules (rules.go, rule_style*.go): attack, negative, desintox and
//     ridicule pair a cue with a target within a few words (desintox with
//     a claim verb or a target); negative and attack cues reach a named
//     opponent anywhere in a post of up to 90 tokens (whole.go). Whole-
//     post mechanisms: a target's record ("le bilan de X", "under X,")
//     widens where lexicon words judge it (record.go); one-to-four-word
//     verdict sentences ("Lamentable.", deadpan "Efficace.") and
//     belittling address ("pauvre X") (verdict.go); a target's figure
//     answered by a figure (rule_counter.go); flat denials
//     (rule_denial.go); praise turned to mockery by laughter, emoji or an
//     irony marker ("enfin", "for once"); mock nicknames ("Madame Béton",
//     "Captain Concrete", nickname.go); a quoted quality next to a target
//     ("la « femme intègre »") is ridicule and attack. Agreement or
//     sympathy ("X a raison", "nos pensées", "nous condamnons") silences
//     negative wording about a situation; a post that corrects our own
//     words ("nos propres chiffres", "sorry") is not désintox
//     (selfcheck.go).
//     Style (capitals, "!!") warns and backs weak cues but never blocks
//     alone.
//  7. Prior (prior*.go): four logistic regressions over words and word
//     pairs, learnt from the development sets with names replaced by role
//     placeholders (data/prior.tsv, written by TestGeneratePrior), score
//     every post of eight words or more. On a post the rules let through
//     they may add a warning (never a block); on a flagged post, at a
//     higher threshold, a rule the rules did not name. A post with no
//     target, goodwill or a cue the rules saw negated is held to a higher
//     bar or left alone; plain praise ("Félicitations à X pour…") needs a
//     surer ridicule score, and a self-correction gets no désintox. References filed with an article also match with
//     a contracted article or demonstrative (determiners.go).
//  8. Profiles (profile.go): each rule's severity for the account's
//     profile (candidate, campaign, colistier or configured) gives the
//     verdict ok, warn or block. Violations carry French and English
//     messages and spans (target, cue, negator).
//
// # Configuration
//
// Config is YAML (ParseConfig, LoadConfig) with opponents, own_team,
// profiles and lexicon additions; errors are *ConfigError values with the
// line and field. A Checker holds the running Engine and swaps in a new one
// atomically on Reload; a configuration that fails to load or compile
// leaves the running one in force.
package tone
