package detect

import "strings"

// The words the rules know: small lists, kept here to be easy to read and to change.

// titles stand before a person's name and are not part of it.
var titles = wordSet(`Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Professor Sir Dame Lord Lady
	President Vice Prime Minister Premier Chancellor Secretary General Gen. Gen Colonel Col. Lt. Major
	Captain Capt. Admiral Sen. Senator Rep. Representative Governor Gov. Mayor King Queen Prince
	Princess Sheikh Pope Cardinal Bishop Archbishop Rabbi Imam Ayatollah Judge Justice Chief
	Ambassador Minister Speaker Spokesman Spokeswoman Spokesperson Chairman Chairwoman Director Commissioner`)

// roleWords make up the role before a name ("Foreign Ministry spokesperson", "Prime Minister"):
// titles, offices and their qualifiers.
var roleWords = wordSet(`president vice prime minister premier chancellor secretary general
	foreign defence defense interior finance trade economy justice health education energy
	deputy acting former chief executive officer spokesperson spokesman spokeswoman head leader
	director chairman chairwoman chair commissioner ambassador envoy governor mayor senator
	representative lawmaker legislator adviser advisor analyst professor researcher economist
	lawyer attorney judge justice founder co-founder owner editor correspondent reporter
	commander speaker minister's state supreme opposition party national security special senior
	associate assistant managing coach captain striker king queen prince crown sheikh ayatollah
	cardinal pope bishop scientist author historian officer official delegate negotiator`)

// roleHeads are the offices a role names; a role holds one: "Foreign Ministry spokesperson", not
// "State" or "former".
var roleHeads = wordSet(`president minister premier chancellor secretary general spokesperson
	spokesman spokeswoman head leader director chairman chairwoman chair commissioner ambassador
	envoy governor mayor senator representative lawmaker legislator adviser advisor analyst
	professor researcher economist lawyer attorney judge founder co-founder owner editor
	correspondent reporter commander executive officer coach captain striker king queen prince
	sheikh ayatollah cardinal pope bishop scientist author historian official delegate negotiator
	speaker`)

// ministryWords name a government body that takes its country's demonym: "Iranian Foreign Ministry".
var ministryWords = wordSet(`Ministry Embassy Government Army Navy`)

// companySuffixes end a company's name, which the text may shorten to its first word: "Lumera Inc"
// → "Lumera".
var companySuffixes = wordSet(`Inc Inc. Ltd Ltd. Corp Corp. Corporation Co Co. LLC LLP Plc PLC AG SA GmbH
	Group Holdings Partners`)

// orgWords end or begin the name of an organisation.
var orgWords = wordSet(`Ministry Ministries Council Party Bank Inc Inc. Ltd Ltd. Corp Corp. Corporation
	Company Co Co. LLC Plc PLC AG SA GmbH Group Holdings Agency Authority Commission Committee
	Court Parliament Assembly Congress Senate Organization Organisation Union Association Institute
	University College School Foundation Fund Federation League Army Navy Force Forces Police
	Service Office Department Board Bureau Centre Center Network Times Post News Press Club
	LLP Partners Systems Technologies Airlines Airways Institute`)

// abbreviations end with a full stop that ends no sentence.
var abbreviations = wordSet(`Mr Mrs Ms Dr Prof St Gen Col Lt Capt Sgt Sen Rep Gov Jan Feb Mar Apr Jun
	Jul Aug Sep Sept Oct Nov Dec No Nos vs Inc Corp Ltd Co Jr Sr Mt Ft Ave Rev Hon`)

// locatives are the prepositions before a place one is in, goes to or comes from.
var locatives = wordSet(`in at from to near outside inside around across into via within throughout
	through toward towards between`)

// connectors stand inside a name between capitalised words: "Ministry of Intelligence".
var connectors = wordSet(`of and for the de du la le von van al el bin`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func isTitle(w string) bool { return titles[w] }
