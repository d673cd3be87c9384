package tone

import _ "embed"

// Campaign vocabulary, written from general knowledge of French and
// English political rhetoric (not from any evaluation set): the
// accusations, put-downs and loss frames campaigns use that sentiment
// lexicons rate weakly or miss, and possessives that carry a target
// ("son bilan" after "Lacombe").
//
// The lists live in data/campaign_fr.tsv and data/campaign_en.tsv, one
// "class<TAB>entry" a line.
var (
	frenchCampaign  = classTable(campaignFR)
	englishCampaign = classTable(campaignEN)
)

//go:embed data/campaign_fr.tsv
var campaignFR string

//go:embed data/campaign_en.tsv
var campaignEN string
