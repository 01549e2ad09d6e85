/*
 * coder.h -- the document that flows through curlew's stages, and the
 * one function each stage exports (src/coder/).  Not installed, not public.
 *
 * Flow (see src/README.md): reader -> dateline -> sentences -> discards ->
 * tokens -> lemmas -> tagger -> actors -> places -> dates -> verbs -> coref
 * -> chunk -> frames -> resolve (actors) -> events -> resolve (targets) ->
 * merge -> locate -> confidence -> writer.  A stage reads what earlier
 * stages put in the document and adds its own fields; it never reaches
 * into another stage's private data.
 *
 * Memory: everything hanging off a cw_doc lives in the doc's arena and is
 * freed in one call with the doc.  Dictionaries hang off the curlew handle,
 * are built once by curlew_open and are read-only afterwards, so threads
 * share them freely.
 */
#ifndef CW_CODER_H
#define CW_CODER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "curlew.h"
#include "util/util.h"

/* ---------------------------------------------------------- dictionaries */

/* Opaque per-stage dictionaries, each owned by its stage's source file. */
typedef struct cw_countries cw_countries;   /* countries.c */
typedef struct cw_codes cw_codes;           /* codes.c: CAMEO code table */
typedef struct cw_abbrevs cw_abbrevs;       /* sentences.c */
typedef struct cw_actor_dict cw_actor_dict; /* actors.c */
typedef struct cw_verb_dict cw_verb_dict;   /* verbs.c */
typedef struct cw_gazetteer cw_gazetteer;   /* places.c */
typedef struct cw_tagger cw_tagger;         /* tagger.c */
typedef struct cw_syntax cw_syntax;         /* chunk.c: data/syntax.txt */
typedef struct cw_frame_dict cw_frame_dict; /* frames.c */
typedef struct cw_discard_list cw_discard_list; /* discards.c */
typedef struct cw_recode_rules cw_recode_rules; /* recode.c */
typedef struct cw_conf_model cw_conf_model; /* confidence.c */

/* One country, as generated from iso-codes and world-countries. */
typedef struct cw_country {
	char iso3[4], iso2[3];
	const char *name;            /* common English name */
	const char **names;          /* all names and official names, NULL-terminated */
	const char **adjectives;     /* adjectives and demonyms, NULL-terminated */
	const char *capital;         /* may be NULL */
	double lat, lon;             /* of the capital when known, else country */
	int has_coord;
	char was[4];                 /* the state its land was part of, or "" ... */
	cw_date was_until;           /* ... to this day (countries-extra.tsv) */
} cw_country;
/* The country a place in `iso3` belonged to on `date` ("SUN" for Almaty
 * in 1986); iso3 itself when it was its own, or the date is unknown. */
const char *cw_country_then(const cw_countries *c, const char *iso3, cw_date date);

/* countries.c: loads DATA/gen/countries.tsv (made at set-up by
 * tools/gen-countries.js) plus DATA/countries-extra.tsv. */
int cw_countries_load(cw_countries **out, const char *data_dir, char *err, size_t errlen);
void cw_countries_free(cw_countries *c);
size_t cw_countries_count(const cw_countries *c);
const cw_country *cw_countries_at(const cw_countries *c, size_t i);
const cw_country *cw_countries_by_iso3(const cw_countries *c, const char *iso3);

/* codes.c: DATA/cameo-codes.tsv. */

/* The code an act takes when it is not done but announced, demanded,
 * appealed for or refused (the frames stage uses them). */
enum cw_counter { CW_C_INTENT, CW_C_THREAT, CW_C_DEMAND, CW_C_APPEAL, CW_C_REFUSAL, CW_NCOUNTERS };
/* What the coder needs to know of an act (the classes column). */
enum cw_code_class {
	CW_CC_VIOLENT = 1 << 0,  /* an act of force */
	CW_CC_NEWS = 1 << 1,     /* a participle after the main act is news of its own */
	CW_CC_ABOUT = 1 << 2,    /* a statement with no addressee is about someone named */
	CW_CC_STATEMENT = 1 << 3, /* a statement: a reporting verb so coded yields to its report */
	CW_CC_EACH = 1 << 4,     /* two codes of the root in a sentence are two acts, not one told twice */
	CW_CC_JUDGES = 1 << 5,   /* judges another act: "condemned the move" is aimed at its doer */
	CW_CC_MEANS = 1 << 6,    /* the source's own forces after the verb are its means, no target */
	CW_CC_DEED = 1 << 7,     /* told in a relative clause on its doer, still news of its own */
	CW_CC_JOINT = 1 << 8     /* cooperation: a compound subject naming no other party acts toward each other */
};
/* The target an event gets when the sentence names none (the codes'
 * implied column); CW_I_DOER is no column value: the doer of the act an
 * event judges ("condemned the move"), which resolve.c finds for any code
 * of the judges class. */
enum cw_implied { CW_I_NONE, CW_I_OWN, CW_I_PLACE, CW_I_GOV, CW_I_PEOPLE, CW_I_FOE, CW_I_ACCUSER,
		  CW_I_DOER };

typedef struct cw_code_info {
	char code[5];             /* "042" */
	int quad;                 /* 1-4 */
	double goldstein;
	const char *plover_event, *plover_mode, *plover_context;  /* NULL if none */
	const char *name;
	int has_class;            /* the class columns were given (else the parent's hold) */
	unsigned classes;         /* cw_code_class */
	int implied;              /* cw_implied */
	char counter[CW_NCOUNTERS][5];   /* "" where there is none */
} cw_code_info;
int cw_codes_load(cw_codes **out, const char *data_dir, char *err, size_t errlen);
void cw_codes_free(cw_codes *c);
const cw_code_info *cw_codes_get(const cw_codes *c, const char *code);
/* 2-4 digits, the last may be a capital ("174K"): what an event code looks like. */
int cw_code_shape(const char *s);
/* In the table, as a CAMEO code or a local one (quad class "-"). */
int cw_codes_known(const cw_codes *c, const char *code);
/* The entry holding the code's classes: its own, else its parent's
 * ("0875" -> "087" -> "08"); NULL for a code with neither. */
const cw_code_info *cw_codes_class(const cw_codes *c, const char *code);
int cw_code_violent(const cw_codes *c, const char *code);
int cw_code_is(const cw_codes *c, const char *code, unsigned cls);   /* cw_code_class */
int cw_code_implied(const cw_codes *c, const char *code);   /* cw_implied */
/* The code's counterpart (enum cw_counter), or "" when it has none. */
const char *cw_code_counter(const cw_codes *c, const char *code, int which);

/* lexicon.c: DATA/lexicon.txt, the word lists the coding stages read.
 * Each list is named in the file; the names are these. */
enum cw_lex {
	CW_LX_TARGET_PREPS,      /* prepositions that introduce whom an act is aimed at */
	CW_LX_TOPIC_PREPS,       /* ... of those, the ones that give a topic right after a noun */
	CW_LX_GENITIVE,          /* "the withdrawal of X" */
	CW_LX_OPENERS,           /* words that open a fronted adverbial phrase */
	CW_LX_PLACE_PREPS,       /* prepositions that only say where */
	CW_LX_NP_BREAKS,         /* words that end the left edge of a noun phrase */
	CW_LX_LIST_GLUE,         /* words inside a coordination "A, the B and C" */
	CW_LX_AND,               /* coordinating conjunctions */
	CW_LX_BE,                /* forms of "be" (passives) */
	CW_LX_BE_FINITE,         /* finite forms of "be" */
	CW_LX_CLAUSE_OPENERS,    /* words that open another clause */
	CW_LX_DAYS,              /* days and "overnight": "filed on Monday accusing" */
	CW_LX_PREPS,             /* prepositions */
	CW_LX_SETTING_PREPS,     /* prepositions of a setting or topic: "amid clashes" */
	CW_LX_ADVERBIAL,         /* subordinators of a background clause */
	CW_LX_RELATIVES,         /* relative pronouns */
	CW_LX_AFTER_PARTICIPLE,  /* words after a participle that modifies a noun */
	CW_LX_REASON_PREPS,      /* "jailed for helping" */
	CW_LX_ADDRESSEE_PREPS,   /* "extradited X to Y" */
	CW_LX_AGENT_BY,          /* the passive's agent preposition */
	CW_LX_SOURCE_PREPS,      /* "an offer by France", "a request from Kyiv" */
	CW_LX_POSSESSIVE,        /* the possessive ending token */
	CW_LX_INFINITIVE,        /* the infinitive marker */
	CW_LX_COMPLEMENTIZER,    /* "demanded that" */
	CW_LX_PERSON_PRONOUNS,   /* he, she */
	CW_LX_IT_PRONOUNS,       /* it, they: a country or body as speaker */
	CW_LX_LOCATED_PREPS,     /* "police in Pakistan" */
	CW_LX_MEMBER_PREPS,      /* "negotiators from Britain" */
	CW_LX_PROGRESSIVE,       /* the -ing ending */
	CW_LX_PAST,              /* the -ed ending */
	CW_LX_ARTICLES,          /* "the" */
	CW_LX_THING_RELATIVES,   /* relatives whose antecedent is a thing: that, which */
	CW_LX_IN,                /* "used in an April attack": the setting's preposition */
	CW_LX_STATE_SECTORS,     /* sectors of the state itself (lower case): gov, mil */
	CW_LX_AIMING_PREPS,      /* place prepositions that also aim: "fired at Israel" */
	CW_LX_FOREIGN,           /* "Western governments", "foreign diplomats": not the own country's */
	CW_LX_MANNER,            /* "known as", "such as": a subordinator that is also a preposition */
	CW_LX_DURATION,          /* "after 18 days of protests": units of time that count a stretch */
	CW_LX_MUTUAL_PREPS,      /* "fighting between X and Y": both parties act */
	CW_LX_ACT_NOUNS,         /* nouns that name an act: "condemned the move" */
	CW_LX_PAIR_WORDS,        /* "both sides", "the two sides": the two parties of an act */
	CW_LX_MOTION_PREPS,      /* "a plane to Washington": where one goes, not where one is */
	CW_LX_FORCE_SECTORS,     /* sectors of a state's forces (lower case): mil, cop */
	CW_LX_AUDIENCE_SECTORS,  /* "told reporters": sectors a statement is made to, not about */
	CW_LX_LIST_HEADS,        /* "including", "among them": what follows names members of a noun before */
	CW_LX_ETHNIC,            /* "ethnic Albanians": a people, not the state its adjective names */
	CW_LX_PERSON_OBJECTS,    /* him: the one acted on, not the sentence's opener */
	CW_LX_LED,               /* "U.S.-led forces": the forces are the leader's */
	CW_LX_HOLDER_WORDS,      /* "Palestinians held in Israeli jails": who holds the party named before */
	CW_LX_CONDITIONS,        /* "if", "unless": a threat is aimed at the subject of its condition */
	CW_LX_PLACE_NOUNS,       /* "the Lithuanian capital": nouns that make a country adjective a place */
	/* verbs.c */
	CW_LX_DETERMINERS,       /* words that open a noun phrase */
	CW_LX_GAP_STOPS,         /* words that open a clause: a pattern's gap stops there */
	CW_LX_QUANTITIES,        /* "dozens of", "at least five": words that count a head */
	CW_LX_SLOT_PLACE_PREPS,  /* prepositions a {T} slot does not look past */
	CW_LX_SLOT_PREPS,        /* prepositions a {T} slot looks through */
	CW_LX_PHRASE_PREPS,      /* prepositions of the noun-or-verb judgement */
	CW_LX_BASE_LICENSORS,    /* "to aid", "will attack": words before a verb's base form */
	CW_LX_LIGHT_ADVERBS,     /* adverbs between a licensor and its verb */
	CW_LX_OBJECT_PRONOUNS,   /* pronouns that can be an object */
	CW_LX_SAME_PAST,         /* verbs whose past is their base form: cut, hit */
	CW_LX_GERUND_TOPIC,      /* "accused X of attacking": a gerund after them is a topic */
	CW_LX_SAY_VERBS,         /* statement verbs coded 010 without a pattern */
	CW_LX_CLAUSE_VERBS,      /* verbs that open a clause of their own: say, think */
	CW_NLEX
};
typedef struct cw_lexicon cw_lexicon;
int cw_lexicon_load(cw_lexicon **out, const char *data_dir, char *err, size_t errlen);
void cw_lexicon_free(cw_lexicon *l);
/* Is the (lower-case) word in the list? */
int cw_lex_has(const cw_lexicon *l, int list, const char *word);
/* The lists the word is in, bit (1 << list) each: one lookup for all. */
uint64_t cw_lex_mask(const cw_lexicon *l, const char *word);
/* Does the word end in one of the list's endings, with a stem before it? */
int cw_lex_ends(const cw_lexicon *l, int list, const char *word);
const char *cw_lex_name(int list);

struct curlew {
	char *data_dir;
	curlew_options opts;
	char errmsg[512];
	cw_countries *countries;
	cw_codes *codes;
	cw_lexicon *lexicon;
	cw_discard_list *discards;
	cw_abbrevs *abbrevs;
	cw_actor_dict *actors;
	cw_verb_dict *verbs;
	cw_frame_dict *frames;
	cw_gazetteer *places;
	cw_tagger *tagger;
	cw_syntax *syntax;
	cw_recode_rules *recode;
	cw_conf_model *confidence;   /* NULL: the data dir has no confidence.tsv */
};

/* ------------------------------------------------------------- document */

enum cw_tok_flags {
	CW_T_CAP = 1 << 0,       /* starts with an upper-case letter */
	CW_T_PUNCT = 1 << 1,     /* punctuation only */
	CW_T_NUM = 1 << 2,       /* starts with a digit */
	CW_T_ALLCAP = 1 << 3,    /* OSCE, UN */
	CW_T_SENT_START = 1 << 4,/* first word of the sentence */
	CW_T_QUOTE = 1 << 5      /* a quotation mark */
};

/* Penn Treebank part-of-speech tags (tagger.c); CW_POS_NONE before the
 * tagger has run.  cw_pos_name gives the tag as the treebank writes it. */
enum cw_pos {
	CW_POS_NONE, CW_POS_CC, CW_POS_CD, CW_POS_DT, CW_POS_EX, CW_POS_FW, CW_POS_IN,
	CW_POS_JJ, CW_POS_JJR, CW_POS_JJS, CW_POS_LS, CW_POS_MD, CW_POS_NN, CW_POS_NNS,
	CW_POS_NNP, CW_POS_NNPS, CW_POS_PDT, CW_POS_POS, CW_POS_PRP, CW_POS_PRPS, CW_POS_RB,
	CW_POS_RBR, CW_POS_RBS, CW_POS_RP, CW_POS_SYM, CW_POS_TO, CW_POS_UH, CW_POS_VB,
	CW_POS_VBD, CW_POS_VBG, CW_POS_VBN, CW_POS_VBP, CW_POS_VBZ, CW_POS_WDT, CW_POS_WP,
	CW_POS_WPS, CW_POS_WRB, CW_POS_COMMA, CW_POS_STOP, CW_POS_COLON, CW_POS_LQUOTE,
	CW_POS_RQUOTE, CW_POS_DOLLAR, CW_POS_LRB, CW_POS_RRB, CW_POS_HASH, CW_NPOS
};
const char *cw_pos_name(int pos);
int cw_pos_from_name(const char *name);   /* CW_POS_NONE if not a tag */

/* Which verb forms cw_verb_tag accepts: a stage asks for the ones its
 * rule needs (a clause's own verb is finite or modal; a verb group may
 * hold any form but the modal the chunker tags apart). */
enum cw_verb_forms {
	CW_VF_FINITE = 1 << 0,    /* VBD VBP VBZ: "said", "say", "says" */
	CW_VF_NONFINITE = 1 << 1, /* VB VBG VBN: "say", "saying", "said" */
	CW_VF_MODAL = 1 << 2,     /* MD: "will", "would" */
	CW_VF_VERB = CW_VF_FINITE | CW_VF_NONFINITE
};

/* Is the tag a verb of one of these forms?  The one POS-verb test every
 * stage uses. */
static inline int cw_verb_tag(int pos, unsigned forms)
{
	if (pos == CW_POS_VBD || pos == CW_POS_VBP || pos == CW_POS_VBZ)
		return (forms & CW_VF_FINITE) != 0;
	if (pos == CW_POS_VB || pos == CW_POS_VBG || pos == CW_POS_VBN)
		return (forms & CW_VF_NONFINITE) != 0;
	return pos == CW_POS_MD && (forms & CW_VF_MODAL);
}

typedef struct cw_token {
	uint32_t start, end;     /* byte span in doc->text */
	const char *text;        /* normalised: NFC, curly quotes -> ' ", dashes -> - */
	const char *lower;       /* text lower-cased */
	const char *vlemma;      /* lemmas stage: WordNet verb base form, or NULL */
	const char *nlemma;      /* lemmas stage: WordNet noun base form, or NULL */
	unsigned flags;          /* cw_tok_flags */
	int mention;             /* actors stage: index of the mention covering it, or -1 */
	int place;               /* places stage: index of the place covering it, or -1 */
	unsigned char pos;       /* tagger stage: enum cw_pos */
	unsigned short syn;      /* chunk stage: its word classes (data/syntax.txt) */
	uint64_t lex;            /* lemmas stage: the lexicon lists its lower form is in
				  * (cw_lex_mask), looked up once for the stages that ask often */
} cw_token;

enum cw_mention_kind {
	CW_M_NAME,        /* a dictionary name: "Azerbaijan", "OSCE", "Vladimir Putin" */
	CW_M_ADJ,         /* a country adjective used as actor: "the Armenian side" */
	CW_M_CAPITAL,     /* a capital: an actor only when it acts ("Baku said") */
	CW_M_AGENT,       /* an agent word with no country yet: "the minister" */
	CW_M_PRONOUN,     /* he, she, they, it, both sides: resolved by coref */
	CW_M_PERSON       /* an unknown person's name, resolved by coref if possible */
};

#define CW_MAX_SECTORS 4
typedef struct cw_mention {
	int tok_start, tok_end;  /* tokens [start, end) */
	int head;                /* token of the head word, for the chunker */
	char code[32];           /* CAMEO actor code (AZEGOV, IGOUNO); "" unresolved */
	char country[4];         /* ISO 3166-1 alpha-3 or "" (international) */
	char sectors[CW_MAX_SECTORS][4];
	int nsectors;
	int kind;                /* cw_mention_kind */
	int plural;              /* "forces", "they", "both sides" */
	uint32_t start, end;     /* byte span of the words that named it */
	const char *text;        /* those words; for a pronoun, its antecedent's words */
	const char *key;         /* coref: a person's surname (lower case), or NULL */
	const char *rule;        /* which dictionary entry named it, for explain */
	int also;                /* "both sides" / compound: index of a second mention, or -1 */
	int resolved;            /* resolve stage: it gave the country (the agent named none) */
	int guessed;             /* resolve stage: ... and from outside the agent's own
				  * phrase (the sentence's setting, the dateline, the
				  * story, the source): a default, not a fact */
	int body;                /* a pronoun for a named body ("the group", "the
				  * bloc"): coref gives it the story's latest */
	int unplaced;            /* resolve stage: an agent the text gives no one
				  * country: said to be another's it does not name
				  * ("Western governments"), or set in two ("in
				  * Paris and in Berlin") */
} cw_mention;

enum cw_feature {          /* what kind of place a gazetteer entry is */
	CW_F_NONE, CW_F_CITY, CW_F_ADMIN1, CW_F_COUNTRY, CW_F_REGION, CW_F_WATER
};

typedef struct cw_place {
	int tok_start, tok_end;
	uint32_t start, end;
	const char *text;        /* "New York" */
	char country[4];         /* ISO alpha-3 or "" */
	double lat, lon;
	int has_coord;
	int prep;                /* token of "in"/"at"/"near" before it, or -1 */
	/* places stage: the sense chosen (strings live as long as the handle) */
	const char *name;        /* the gazetteer's name: "Odesa", "Kentucky" */
	const char *admin1;      /* its first-level region's name, or NULL */
	int feature;             /* cw_feature */
	long geonameid;          /* 0 when the source has none */
	long population;         /* 0 when unknown */
} cw_place;

enum cw_trig_flags {
	CW_TR_SAY = 1 << 0,      /* a bare statement verb (said, told): 010 fallback */
	CW_TR_REPORT = 1 << 1,   /* can introduce reported speech ("added that") */
	CW_TR_NOMINAL = 1 << 2,  /* anchored on a noun ("the operation against") */
	CW_TR_NEGATED = 1 << 3,  /* a denial governs it ("denied > attacking"): @negcomp */
	CW_TR_MUTUAL = 1 << 4,   /* @mutual: a compound subject acts on each other */
	CW_TR_RECIPROCAL = 1 << 6, /* !reciprocal: done with each other ("met", "clashed") */
	CW_TR_MIRRORED = 1 << 7  /* !mirrored: each side does it for its own part ("agreed") */
};

typedef struct cw_trigger {
	int anchor;              /* token of the verb or noun the pattern hangs on */
	int tok_start, tok_end;  /* first and one-past-last matched token */
	char code[5];            /* CAMEO event code */
	char rcode[5];           /* the target's side of a paired act ("left for X":
				  * X receives a visit, 033), or "" */
	const char *rule;        /* "verbs.txt:123 meet with", for users to find it */
	int target_tok;          /* token where the pattern's target slot begins, or -1 */
	int source_tok;          /* token where the pattern's source slot ({S}) begins, or -1 */
	const char *prep;        /* the pattern's preposition before the target, or NULL */
	int specificity;         /* number of literal words matched; higher wins */
	unsigned flags;          /* cw_trig_flags */
	char comp_code[5];       /* the act the pattern governs and swallowed ("refused
				  * to > meet": 040), or "" */
	int comp_anchor;         /* its token, or -1 */
	/* frames stage (frames.c): how the act is told, and what that makes it */
	int frame;               /* cw_frame */
	char fcode[5];           /* the code in that frame; "" codes nothing */
	int governor;            /* the trigger whose content this act is, or -1 */
	int cue;                 /* first token of the words that gave the frame, or -1 */
	int holder;              /* cues that name who wants the act ("wants {A} to",
				  * "its demand that"): 1, and the demander is the
				  * actor before the cue; 0: the speaker ("must") */
} cw_trigger;

/* How an act is told (data/frames.txt). */
enum cw_frame {
	CW_F_ASSERTED, CW_F_ATTEMPTED, CW_F_REPORTED, CW_F_NEGATED, CW_F_INTENDED,
	CW_F_THREATENED, CW_F_DEMANDED, CW_F_APPEALED, CW_F_REFUSED, CW_F_ALLEGED,
	CW_F_DENIED, CW_F_PURPOSE, CW_F_CONDITION, CW_F_TOPIC, CW_F_PROMISED, CW_NFRAMES
};

#define CW_MAX_ARGS 4
#define CW_MAX_PPS 8
typedef struct cw_clause {
	int verb;                /* token of the content verb */
	int subj[CW_MAX_ARGS], nsubj;   /* head tokens of subjects (compounds: several) */
	int obj[CW_MAX_ARGS], nobj;     /* head tokens of direct objects */
	int pp_prep[CW_MAX_PPS], pp_obj[CW_MAX_PPS], npp;  /* prepositions on the verb */
	int agent;               /* head of the passive's by-phrase, or -1 */
	int passive, negated;
	int parent;              /* the clause this one is a complement of, or -1 */
	int adjunct;             /* a participle adjunct (", warning Moscow"): its
				  * subjects are those of the clause it hangs on */
} cw_clause;

typedef struct cw_event {
	int k;                   /* 1-based index within the sentence */
	int source, target;      /* mention indexes, or -1 */
	int implied;             /* resolve: how the target is implied (cw_implied), or 0
				  * (CW_I_NONE) when the sentence names it */
	int trigger;             /* index into sentence->triggers */
	char code[5];
	cw_date date;
	const cw_place *place;   /* sentence place, the dateline place, or NULL */
	const char *why;         /* how source and target were chosen, for explain */
	double confidence;       /* confidence stage: chance the category is right,
				  * in hundredths; -1 when there is no model */
} cw_event;

typedef struct cw_sentence {
	int index;               /* 1-based */
	uint32_t start, end;     /* byte span in doc->text */
	cw_token *toks; int ntoks;
	cw_mention *ments; int nments;
	cw_place *places; int nplaces;
	cw_trigger *trigs; int ntrigs;
	cw_clause *clauses; int nclauses;
	int parsed;              /* 0 chunked, -1 not a candidate (no actor or no
				  * trigger); 1 was link-grammar's, which is gone */
	const char *parse_text;  /* chunk stage: the chunks in brackets, for explain */
	const char *discard;     /* discards stage: the phrase that stopped coding, or NULL */
	cw_date date;            /* dates stage: explicit date in the sentence, or none */
	uint32_t date_start, date_end;
	int date_precision;      /* dates stage: cw_date_precision of date */
	cw_event *events; int nevents;
	const char **dropped;    /* recode stage: per trigger, the rule that dropped its
				  * event ("recode.txt:58"), or NULL; NULL when none was */
} cw_sentence;

struct curlew_doc {
	const curlew *cw;
	cw_arena *arena;
	const char *id;
	const char *text;        /* the story text, NUL-terminated, arena copy */
	size_t len;
	cw_date date;            /* the story date used for events */
	cw_date given_date;      /* from the input record, or none */
	cw_date default_date;    /* --date */
	/* dateline stage */
	uint32_t body_start;     /* first byte after the dateline (0 if none) */
	cw_place *dl_place;      /* dateline place, or NULL */
	const char *dl_agency;   /* "Reuters", "TDI", or NULL */
	cw_date dl_date;
	/* discards: the story-level phrase that stops the whole story, or NULL */
	const char *discard;
	/* sentences stage */
	cw_sentence *sents; int nsents;
	/* coref stage: memory carried across sentences, private to coref.c */
	void *coref_state;
	/* resolve stage: the story's countries, private to resolve.c */
	void *resolve_state;
	/* places stage: the story's memory (senses, countries and regions
	 * named so far), private to places.c, in the doc's own arena */
	void *places_state;
	cw_place *dl_region;     /* dateline stage: "Ukraine" in "KYIV, Ukraine", or NULL */
	cw_place *main_place;    /* locate stage: the story's first event place
				  * named in the text, in the doc's own arena */
	cw_place *last_place;    /* locate stage: the latest one, likewise */
	/* messages */
	char *err;               /* set when the story is rejected */
	char *warnings;          /* newline-separated, or NULL */
	size_t nevents;
	/* events stage: candidate acts it dropped because their source was an
	 * agent word that resolve could give no country ("officials said"
	 * with nothing in the sentence, dateline or story to place them);
	 * eval counts them (issue 10's "Done when") */
	int agentless;
	int explain;             /* fill the why fields; explain output */
	/* Long stories (curlew.c) are coded a window of sentences at a time,
	 * each window in an arena of its own, so that memory does not grow
	 * with sentences that yield nothing.  sents then keeps only the
	 * sentences with events (each with its own index), copied into the
	 * doc's arena, and spans holds the start and end of every sentence
	 * (use cw_doc_sentence_count/_span).  NULL and 0 for other stories. */
	uint32_t *spans; int nspans;
	/* The doc's own arena: doc->arena is the window's while a window is
	 * coded, so what must outlive the sentence (warnings) goes here. */
	cw_arena *story_arena;
	/* the input's provenance (curlew.c), or NULL */
	const char *url, *title, *publisher;
	/* records.c: the read API's flat records, built on first read */
	void *records;
};

void cw_doc_warn(curlew_doc *doc, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* ---------------------------------------------------------------- stages
 * Each returns 0, or a negative curlew_status.  Per-sentence stages get
 * the sentence to work on.  A long story is coded a window of sentences at
 * a time (curlew.c), doc->arena being the window's: a stage must not reach
 * into other sentences, and what it carries from one sentence to the next
 * must not point into doc->arena (coref.c copies what it remembers). */

int cw_dateline(const curlew *cw, curlew_doc *doc);            /* dateline.c */
int cw_abbrevs_load(cw_abbrevs **out, const char *data_dir, char *err, size_t errlen);
void cw_abbrevs_free(cw_abbrevs *a);
/* 1 if word (n bytes, its final '.' included) is a known abbreviation,
 * for the tokenizer to keep "Gen." and "U.S." whole. */
int cw_abbrev_known(const cw_abbrevs *a, const char *word, size_t n);
int cw_sentences(const curlew *cw, curlew_doc *doc);           /* sentences.c */

/* discards.c: DATA/discards.txt (optional).  cw_discard_match returns the
 * sentence-level (story 0) or story-level (1) phrase found in the text, or
 * NULL; cw_discards marks a sentence (s->discard) and returns 1 when it is
 * not to be coded. */
int cw_discards_load(cw_discard_list **out, const char *data_dir, char *err, size_t errlen);
void cw_discards_free(cw_discard_list *d);
const char *cw_discard_match(const cw_discard_list *d, const char *text, size_t n, int story);
int cw_discards(const curlew *cw, curlew_doc *doc, cw_sentence *s);
/* Fills doc->sents (in doc->arena) from n start/end byte-offset pairs. */
int cw_sentences_from_spans(curlew_doc *doc, const uint32_t *spans, int n);
/* The same split as byte spans only (start, end pairs in doc->arena). */
int cw_sentence_spans(const curlew *cw, curlew_doc *doc, uint32_t **spans, int *n);
int cw_tokens(const curlew *cw, curlew_doc *doc, cw_sentence *s);   /* tokens.c */
/* tokens.c: the possessive ending, "'s" or a bare "'" after a plural
 * ("the rebels' base"), as the places and actors stages read it. */
int cw_possessive_token(const cw_token *t);
int cw_lemmas(const curlew *cw, curlew_doc *doc, cw_sentence *s);   /* lemmas.c */
int cw_lemmas_init(void);                                      /* once, in curlew_open */
/* WordNet base form of a word for a part of speech ('v' or 'n'); returns a
 * pointer valid for the process's life, or NULL if WordNet doesn't know it. */
const char *cw_lemma(const char *lower_word, char pos);

int cw_tagger_load(cw_tagger **out, const char *data_dir, char *err, size_t errlen);
void cw_tagger_free(cw_tagger *tg);
int cw_tag(const curlew *cw, curlew_doc *doc, cw_sentence *s);      /* tagger.c */

/* actors.c loads DATA/actors.txt and DATA/agents.txt, then the converted
 * Phoenix dictionaries in DATA/phoenix/ if present; a Phoenix name never
 * overrides one of curlew's own. */
int cw_actors_load(cw_actor_dict **out, const curlew *cw, char *err, size_t errlen);
void cw_actors_free(cw_actor_dict *d);
/* Writes the loaded dictionary to path as the image cw_actors_load reads
 * instead of data_dir's text while that text is unchanged (build/actc,
 * data/gen/actors.bin); 0, or -1 with a message in err. */
int cw_actors_save(cw_actor_dict *d, const char *data_dir, const char *path, char *err, size_t errlen);
/* What the loader did with the Phoenix names, for tests and the README. */
typedef struct cw_actor_stats {
	long added;        /* names and agent phrases taken */
	long known;        /* skipped: curlew's own files have the same words */
	long composed;     /* skipped: curlew reads them as title + name or
			    * country + title ("President Karzai", "U.S. President") */
	long shadowed;     /* entries dropped whole: one of their names is one
			    * of curlew's own actors, whose roles and dates win */
	long places;       /* skipped: the gazetteer's places ("Gaza") */
} cw_actor_stats;
void cw_actors_stats(const cw_actor_dict *d, cw_actor_stats *out);
int cw_actors(const curlew *cw, curlew_doc *doc, cw_sentence *s);   /* actors.c */
/* Are mentions a and b of s one actor: the same code, or a country and its
 * own state (the country named whole and a body of the state-sectors
 * list: "Cuba" and the Cuban government)?  A country and its people,
 * prisoners or rebels are two; a missing mention (-1) is no one. */
int cw_same_actor(const cw_lexicon *lx, const cw_sentence *s, int a, int b);

/* gazetteer.c: the compiled world index (data/gen/gazetteer.idx), mapped
 * read-only.  A candidate place, unpacked: */
typedef struct cw_gaz cw_gaz;
typedef struct cw_gaz_place {
	uint32_t id;
	const char *name, *admin1;   /* admin1 NULL if unknown */
	char country[4];
	double lat, lon;
	long population, geonameid;
	int feature;                 /* cw_feature */
	int seat;                    /* a capital or a region's seat */
} cw_gaz_place;
/* The look-up key of a name: case-folded, accents and apostrophes dropped,
 * white space collapsed.  Returns its length, or -1 if it does not fit. */
int cw_gaz_key(const char *s, size_t n, char *buf, size_t cap);
int cw_gaz_open(cw_gaz **out, const char *path, char *err, size_t errlen);
void cw_gaz_close(cw_gaz *g);
size_t cw_gaz_count(const cw_gaz *g);
/* The places of a key (n bytes, from cw_gaz_key): their count, and *ids. */
int cw_gaz_find(const cw_gaz *g, const char *key, size_t n, const uint32_t **ids);
int cw_gaz_get(const cw_gaz *g, uint32_t id, cw_gaz_place *out);
/* Compiles gazetteer.tsv into the index (tools/gazc.c). */
int cw_gaz_compile(const char *tsv, const char *out, char *err, size_t errlen);
/* How precise an event place's point is: "city", "admin1", "country", or
 * "region" (wider than a country, or none: the Sahel, a sea); NULL if
 * unknown (places.c). */
const char *cw_place_precision(const cw_place *p);
/* "city" -> CW_F_CITY ..., 0 if unknown; and back (NULL for none). */
int cw_gaz_feature(const char *s);
const char *cw_gaz_feature_name(int feature);

int cw_places_load(cw_gazetteer **out, const curlew *cw, char *err, size_t errlen);
void cw_places_free(cw_gazetteer *g);
int cw_places(const curlew *cw, curlew_doc *doc, cw_sentence *s);   /* places.c */
/* Looks a place name up out of context; fills out, 0 if found. */
int cw_place_lookup(const curlew *cw, const char *name, cw_place *out);
/* Resolves a place whose ->text is set (the dateline's) in the story's
 * context, with its qualifier ("Ky." in "LONDON, Ky.") if qual is not NULL;
 * fills both and remembers their senses for the story.  0 if found. */
int cw_place_resolve(const curlew *cw, curlew_doc *doc, cw_place *pl, cw_place *qual);

/* 1 if the lower-case word is in a class of data/place-words.txt
 * ("locative", "qualify", "topic", ...), for locate.c. */
int cw_place_word(const curlew *cw, const char *lower, const char *cls);

int cw_dates(const curlew *cw, curlew_doc *doc, cw_sentence *s);    /* dates.c */
/* Parses a date expression at the start of text (dateline dates use it):
 * "20 September 2023", "Sept 19", "September 19, 2023", "2023-09-20".  The
 * year, if missing, is taken from ref (latest such date on or before ref).
 * Returns the number of bytes consumed, 0 if none. */
size_t cw_parse_date_expr(const char *text, size_t len, cw_date ref, cw_date *out);
/* A record's or a page's date: "2024-03-05", "20240305", ISO 8601 with a
 * time and zone ("2024-03-05T09:12:00Z", "2024-03-05 09:12:00+01:00"; the
 * date as written), or "Tue, 05 Mar 2024 09:12:00 GMT".  0 or -1. */
int cw_date_parse_any(const char *s, cw_date *out);
/* How exact a sentence's date is: a day ("on Sunday", "two days ago"), the
 * week it began ("last week") or the month's first day ("earlier this
 * month"). */
enum cw_date_precision { CW_DP_DAY, CW_DP_WEEK, CW_DP_MONTH };
/* The precision of an event's date as written out: "day", "week", "month",
 * or NULL when it has none. */
const char *cw_event_date_precision(const cw_sentence *s, const cw_event *e);

int cw_verbs_load(cw_verb_dict **out, const curlew *cw, char *err, size_t errlen);
void cw_verbs_free(cw_verb_dict *d);
int cw_verbs(const curlew *cw, curlew_doc *doc, cw_sentence *s);    /* verbs.c */

int cw_coref(const curlew *cw, curlew_doc *doc, cw_sentence *s);    /* coref.c */

int cw_frames_load(cw_frame_dict **out, const curlew *cw, char *err, size_t errlen);
void cw_frames_free(cw_frame_dict *f);
int cw_frames(const curlew *cw, curlew_doc *doc, cw_sentence *s);   /* frames.c */
const char *cw_frame_name(int frame);
/* The frame of the acts a trigger governs ("refused to X" makes X
 * refused), or -1 when it governs none. */
int cw_frame_governed(const cw_frame_dict *f, const cw_sentence *s, const cw_trigger *t);
void cw_coref_free(curlew_doc *doc);

int cw_syntax_load(cw_syntax **out, const char *data_dir, char *err, size_t errlen);
void cw_syntax_free(cw_syntax *sx);
int cw_chunk(const curlew *cw, curlew_doc *doc, cw_sentence *s);    /* chunk.c */

/* wordclass.c: "!class NAME [@places] word ..." lines, shared by verbs.txt
 * and recode.txt.  cw_wclasses_new allocates in the owner's arena (freed
 * with it; cw_wclasses_free frees the maps).  cw_wclass_line reads the rest
 * of one line: NULL, or why it is bad (*what, the bad word, or NULL);
 * "@places" only where allow_places.  cw_wclass_has: the token's
 * lower-case text or noun base form is one of the class's words. */
typedef struct cw_wclass {
	const char *name;
	int places;              /* @places: any place name the places stage found */
} cw_wclass;
typedef struct cw_wclasses cw_wclasses;
cw_wclasses *cw_wclasses_new(cw_arena *arena);
void cw_wclasses_free(cw_wclasses *w);
const char *cw_wclass_line(cw_wclasses *w, char *rest, int allow_places, const char **what);
const cw_wclass *cw_wclass_get(const cw_wclasses *w, const char *name);
int cw_wclass_has(const cw_wclasses *w, const cw_wclass *c, const cw_token *t);

/* resolve.c: agents' countries before events, implied targets after. */
int cw_resolve_actors(const curlew *cw, curlew_doc *doc, cw_sentence *s);
int cw_events(const curlew *cw, curlew_doc *doc, cw_sentence *s);   /* events.c */
/* Is mention tgt, one actor with src, the source's own followers an appeal
 * (code 02x) is aimed at ("called on his supporters to ...")?  events.c;
 * resolve keeps such a target as events chose it. */
int cw_own_followers(const cw_sentence *s, const char *code, int src, int tgt);
int cw_resolve_targets(const curlew *cw, curlew_doc *doc, cw_sentence *s);
/* recode.c: DATA/recode.txt (optional), codes by who did the act to whom
 * ("police fired on protesters" is repression, 175); run once targets are
 * resolved.  cw_recode_rule gives the rule an event meets and its new code. */
int cw_recode_load(cw_recode_rules **out, const curlew *cw, char *err, size_t errlen);
void cw_recode_free(cw_recode_rules *d);
const char *cw_recode_rule(const cw_recode_rules *d, const cw_sentence *s, const cw_event *e,
			   char newcode[5]);
int cw_recode(const curlew *cw, curlew_doc *doc, cw_sentence *s);
/* events.c, once targets are resolved: two events of one category and one
 * source country tell of one act. */
int cw_events_merge(const curlew *cw, curlew_doc *doc, cw_sentence *s);
/* locate.c: where each of the sentence's events happened (event->place). */
int cw_locate(const curlew *cw, curlew_doc *doc, cw_sentence *s);

/* confidence.c: DATA/confidence.tsv (optional: *out stays NULL without it),
 * the features an event is scored on (cw_confidence_nfeatures of them,
 * named for the file and `curlew eval --features`), and the score, rounded
 * to hundredths (-1 without a model). */
int cw_confidence_load(cw_conf_model **out, const char *data_dir, char *err, size_t errlen);
void cw_confidence_free(cw_conf_model *m);
int cw_confidence_nfeatures(void);
const char *cw_confidence_feature_name(int i);
void cw_confidence_features(const curlew *cw, const cw_sentence *s, const cw_event *e, double *x);
double cw_confidence_of(const cw_conf_model *m, const double *x);
/* For explain: the event's confidence and each feature's share of it. */
void cw_confidence_explain(const curlew *cw, const cw_sentence *s, const cw_event *e, FILE *out);
/* The stage: every event's confidence; drops those under min_confidence. */
int cw_confidence(const curlew *cw, curlew_doc *doc, cw_sentence *s);

/* curlew.c: curlew_code with the explain switch (explain.c uses it). */
int cw_code_doc(const curlew *cw, const curlew_story *st, const char *default_date,
		curlew_doc **out, int explain);

/* curlew.c: every sentence of the story, kept in doc->sents or not. */
int cw_doc_sentence_count(const curlew_doc *doc);
/* The byte span of the i-th sentence (0-based; its index is i + 1). */
void cw_doc_sentence_span(const curlew_doc *doc, int i, uint32_t *start, uint32_t *end);

/* version.c: the hash of a story's text, its own date and the default
 * date (dates "YYYY-MM-DD" or ""), as curlew_story_hash gives it; the
 * store hashes a coded doc with it. */
void cw_hash_parts(const char *text, size_t len, const char *date, const char *dflt, char out[17]);

/* writer.c */
int cw_write_doc(FILE *f, const curlew_doc *doc, enum curlew_out fmt);

#endif
