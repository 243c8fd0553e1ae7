//! Phrase lexicons, found by looking up each word of the lower-cased post.
//!
//! Every phrase belongs to one or more [`Kind`]s (a bit set), so rules ask cheap questions
//! such as "does this sentence mention a condition?" without scanning the text again.

pub use crate::words::WordSet;
use crate::words::{self, WordMap};
use std::sync::OnceLock;

/// A bit set of phrase kinds.
pub type Kinds = u64;

/// Phrase kinds. Each is one bit of [`Kinds`].
pub mod kind {
    use super::Kinds;
    /// A medical condition, injury or procedure ("hip fx", "stroke", "chest tube").
    pub const CONDITION: Kinds = 1 << 0;
    /// An unusual event that makes a case memorable ("ejected", "on a dare").
    pub const EVENT: Kinds = 1 << 1;
    /// A time close enough to date a case ("last night", "this morning").
    pub const TIME: Kinds = 1 << 2;
    /// A word that gives a person's sex or family role ("girl", "mom of twins").
    pub const SEX: Kinds = 1 << 3;
    /// An occupation or social role that narrows who a person is.
    pub const OCCUPATION: Kinds = 1 << 4;
    /// A picture is being shared ("pic", "screenshot", "swipe to see").
    pub const PHOTO: Kinds = 1 << 5;
    /// Something that must not be photographed (records, screens, bodies, wristbands).
    pub const PHOTO_OBJECT: Kinds = 1 << 6;
    /// Plainly demeaning words for patients ("frequent flyer", "gomer").
    pub const DEMEANING: Kinds = 1 << 7;
    /// Mockery markers ("lol", "🙄", "lmao").
    pub const MOCK: Kinds = 1 << 8;
    /// Venting about the job ("shift from hell", "i'm so done").
    pub const VENTING: Kinds = 1 << 9;
    /// Posting from work ("at work rn", "on my break").
    pub const AT_WORK: Kinds = 1 << 10;
    /// The employer as an actor ("management", "this hospital", "hr").
    pub const EMPLOYER: Kinds = 1 << 11;
    /// A negative predicate about the employer or a coworker.
    pub const NEGATIVE: Kinds = 1 << 12;
    /// A coworker's role ("charge nurse", "the attending").
    pub const COWORKER: Kinds = 1 << 13;
    /// Confidential business information markers.
    pub const CONFIDENTIAL: Kinds = 1 << 14;
    /// Political or religious subjects.
    pub const POLITICAL: Kinds = 1 << 15;
    /// Inflammatory phrasing on its own ("sheeple", "abortion is murder").
    pub const INFLAMMATORY: Kinds = 1 << 16;
    /// Insults used in rants.
    pub const INSULT: Kinds = 1 << 17;
    /// Profanity, spelled out or masked.
    pub const PROFANITY: Kinds = 1 << 18;
    /// Drinking.
    pub const DRINK: Kinds = 1 << 19;
    /// Being on duty ("on call", "my 0700", "before shift").
    pub const DUTY: Kinds = 1 << 20;
    /// Sexual or harassing remarks.
    pub const SEXUAL: Kinds = 1 << 21;
    /// Exaggerated claims about skill or results.
    pub const CLAIM: Kinds = 1 << 22;
    /// Calls to action of heavy self-promotion.
    pub const PROMO: Kinds = 1 << 23;
    /// Educational or hypothetical framing ("never post", "for example").
    pub const EDUCATIONAL: Kinds = 1 << 24;
    /// The poster talks about their own health ("my own", "i was the one in the gown").
    pub const OWN: Kinds = 1 << 25;
    /// The poster offers their own contact details ("call or text", "email me").
    pub const CONTACT: Kinds = 1 << 26;
    /// A patient's course of care ("admitted", "came in", "passed away").
    pub const PATIENT_EVENT: Kinds = 1 << 27;
    /// A person referred to by a pronoun or noun ("she", "the guy").
    pub const PERSON: Kinds = 1 << 28;
    /// Staff context around a name ("thanks to", "congrats", "rrt", "pharmd").
    pub const STAFF: Kinds = 1 << 29;
    /// Clinical vocabulary that makes a sentence about care (drugs, tests, refills).
    pub const CLINICAL: Kinds = 1 << 30;
    /// The poster's own relatives ("my dad", "my sister").
    pub const OWN_FAMILY: Kinds = 1 << 31;
    /// Individual advice markers ("you should", "dm me your").
    pub const ADVICE: Kinds = 1 << 32;
    /// Advice that refuses or redirects ("talk to your prescriber", "call poison control").
    pub const SAFE_ADVICE: Kinds = 1 << 33;
    /// A date that is a memorable holiday ("christmas eve").
    pub const HOLIDAY: Kinds = 1 << 34;
    /// Words for a place ("school", "shop", "church") that narrow a case.
    pub const PLACE: Kinds = 1 << 35;
    /// Biometric data words ("fingerprint", "retina scan").
    pub const BIOMETRIC: Kinds = 1 << 36;
    /// Words that make a biometric mention data ("on file", "database").
    pub const DATA: Kinds = 1 << 37;
    /// Positive words that turn a mention of a colleague or employer into praise.
    pub const PRAISE: Kinds = 1 << 38;
    /// A relative of a patient ("her son", "his wife").
    pub const RELATIVE: Kinds = 1 << 39;
    /// A hiring or recruiting post.
    pub const HIRING: Kinds = 1 << 40;
    /// Sarcasm about a coworker's work ("truly inspiring work").
    pub const SARCASM: Kinds = 1 << 41;
    /// Teaching about privacy, or a made-up case ("HIPAA", "de-identify", "practice
    /// question"): examples in such posts are not real patients.
    pub const HYPOTHETICAL: Kinds = 1 << 42;
    /// The head of a patient reference ("pt", "patient", "our nicu miracle").
    pub const REF: Kinds = 1 << 43;
    /// A street suffix ("lane", "ave").
    pub const STREET: Kinds = 1 << 44;
    /// An age unit ("y/o", "year-old").
    pub const AGE_UNIT: Kinds = 1 << 45;
    /// News that is not care: a colleague's retirement, award or wedding, a public figure's
    /// public news ("operated his last list", "obituary", "the senator"). A person named in
    /// such news is not a patient unless the post also refers to one.
    pub const NEWS: Kinds = 1 << 46;
}

use kind::*;

/// Every phrase list, `|`-separated, lower case. Word boundaries are checked on both ends
/// when the phrase starts or ends with a letter or digit.
const LISTS: &[(Kinds, &str)] = &[
    (CONDITION, "chest pain|anxiety|shortness of breath|abdominal pain|fracture|fractured|fx|hip fx|broken hip|broke her hip|broke his hip|stroke|cva|tia|heart attack|stemi|nstemi|overdose|overdosed|od'd|poisoning|alcohol poisoning|pneumo|pneumothorax|chest tube|vent|intubated|extubated|bypass|triple bypass|cabg|cancer|tumor|mass|seizure|seizures|seizing|sepsis|septic|dka|copd|chf|amputation|amputated|burns|burned|gsw|gunshot|gunshot wound|stabbed|stab wound|mvc|mva|rollover|crash|collapsed|cardiac arrest|arrest|coded|vt|v-fib|vfib|v tach|dementia|sundowning|alzheimer's|withdrawal|withdrawals|dts|stitches|laceration|lac|pregnant|miscarriage|stillbirth|preemie|dialysis|transplant|hiv|pneumonia|uti|trauma|head injury|tbi|concussion|paralyzed|quadriplegic|coma|ecmo|rosc|cpr|shocks|shocked|hodgkin|lymphoma|leukemia|diabetes|diabetic|hypoglycemic|psychosis|psychotic|suicidal|suicide attempt|self-harm|bac|nail gun|hip fracture|fall|fell|bleed|bleeding|hemorrhage|pe|dvt|mi|als|ms|autism|down syndrome|birth defect|cleft|twins|triplets|hospice|palliative|dnr|comfort care|chemo|radiation|surgery|c-section|appendicitis|appendectomy|dog bite|bitten|anaphylaxis|asthma attack|sickle cell|cirrhosis|liver failure|kidney failure|renal failure|ards|covid|flu|rsv|meningitis|shingles|run of vt|r on t|drowned|drowning|near-drowning|near drowning|strep|strep throat|scarlet fever|sleep apnea|allergic reaction|peanut reaction|anaphylactic|epipen|crohn's|hlhs|urosepsis|bipolar|schizophrenia|depression|ptsd|eating disorder|anorexia|bulimia|adhd|opioid use disorder|addiction|hemorrhaged|hemorrhaging|heat stroke|hypothermia|frostbite|sprained ankle|sprain|broken arm|broken leg|broken wrist|concussed|abscess|herniation|melanoma"),
    (EVENT, "unidentified|missing person|went missing|ejected|rolled|rollover|flown out|flew her out|flew him out|life flight|lifeflight|airlifted|on a dare|swallowed|livestreamed|live streamed|homecoming|live-fire|drill|bit our|bit my|bit the|escaped|eloped|arrested|police|cops|handcuffed|unknown|john doe|jane doe|found down|found unresponsive|nail gun|fireworks|proposed|asked him to marry|asked her to marry|wedding|prom|graduation|shooting|stabbing|house fire|dog attack|jumped|crashed|drunk driver|hit and run|hit-and-run|wrong-way|snuck|sneaked|tattoo|viral|news|went viral|made the news|twins|quadruplets|christmas eve|christmas day|new year's eve|thanksgiving"),
    (TIME, "today|tonight|last night|yesterday|this morning|this afternoon|this evening|earlier today|last week|this week|last weekend|last monday|last tuesday|last wednesday|last thursday|last friday|last saturday|last sunday|on monday|on tuesday|on wednesday|on thursday|on friday|on saturday|on sunday|by friday|last spring|last summer|last fall|last winter|last month|this month|around midnight|at midnight|overnight|around 11pm|christmas eve|christmas day|new year's eve|new year's day|thanksgiving|halloween|easter|the 4th of july|july 4th|rn|right now"),
    (SEX, "girl|boy|man|woman|male|female|lady|guy|gentleman|gent|mom|dad|mother|father|grandma|grandpa|grandmother|grandfather|wife|husband|son|daughter|teen|teenager|toddler|infant|newborn|baby|twins|mom of twins|dude|gal|sir|ma'am|widow|widower|veteran"),
    (OCCUPATION, "tattoo artist|firefighter|teacher|mailman|cop|police officer|officer|pastor|priest|coach|lawyer|mayor|soldier|veteran|student|professor|nurse|doctor|pilot|trucker|truck driver|farmer|rancher|chef|bartender|dancer|athlete|quarterback|football player|news anchor|reporter|celebrity|influencer|youtuber|judge|senator|councilman|principal|mom of twins|mother of twins|single mom|single dad|preacher|rabbi|imam"),
    (PHOTO, "pic|pics|picture|pictures|photo|photos|screenshot|screenshots|screen shot|snapped|snapchat|video|vid|clip|swipe|swipe to see|swipe for|here's the|here's a|here is the|look at this|look at that|check out this|check this out|found this|posting a|attached|see below|see pic|📸|📷|🎥|photobombed|photobomb|photo-bombed|zoom in|zoomed in|if you zoom|screenshotted|screenshotting|screen-shotted|preview below|in the background"),
    (PHOTO_OBJECT, "whiteboard|assignment board|census board|chart|charts|x-ray|xray|x-rays|ct|ct scan|mri|scan|rhythm strip|the strip|this strip|ekg|ecg|monitor|wristband|armband|id band|label|wound|rash|injury|tumor|specimen|stool|foreign body|fork|pt|patient|pt's|patient's|emr|ehr|med list|x ray|ultrasound|echo|cath|incision|pressure ulcer|bedsore|tracking board|schedule board|the or board|our or board|or schedule|board behind me|emar|the mar|patient's mar|pt's mar|his mar|her mar|med rec|face sheet|facesheet|surgery schedule"),
    (DEMEANING, "attention seekers|attention-seekers|attention whore|demented lady|demented old man|demented old lady|the demented|we call her|we call him|we nicknamed her|we nicknamed him|our nickname for|sure jan|free ride|want a free ride|like we're uber|like we're a taxi|like we're a hotel|this isn't a hotel|this is not a hotel|this isn't the ritz|barely eats|swears she barely eats|swearing she|need a hobby|needs a hobby|not a real emergency|fake seizure|pseudo-seizure queen|professional patient|munchie|munchausen queen|gorked|gorked out|vegetable|veggie|hoarder|slob|freeloader|leech|moocher|welfare queen|frequent flyer|frequent flyers|frequent flier|frequent fliers|drug seeker|drug seekers|drug-seeking|drugseeker|#drugseeker|#frequentflyer|gomer|gomers|train wreck|trainwreck|crock|status dramaticus|flk|dirtbag|scumbag|lowlife|junkie|junkies|crackhead|crackheads|druggie|tweaker|whale|🐳|beached whale|hippo|heifer|pig|smelly|stinky|dumb patient|idiot patient|stupid patient|psycho|crazy lady|crazy guy|looney|loony|nutjob|nut job|sundowner from hell|train-wreck|allergic to everything except|10/10 pain while|negotiate for dilaudid|dilaudid diva|narc seeker|pain seeker|attention seeker|attention-seeking|faking it|fakes it|faker|lazy patient|non-compliant idiot|noncompliant idiot|entitled patient|karen"),
    (MOCK, "lol|lmao|lmaooo|lmaoo|lmfao|rofl|haha|hahaha|🙄|😂|🤣|💀|💀💀|😆|smh|jk|bless his heart|bless her heart|sir the math|ma'am|sir|always just|tell me you're|without telling me|nice try|yeah right|sure jan|😏|🤡|🙃"),
    (VENTING, "shift from hell|from hell|i'm so done|im so done|i'm done|im done|i am done|so done|so tired of|sick of|sick and tired|hate this job|hate my job|hate this place|hate it here|no pee break|no bathroom break|no lunch|no break|no breaks|count down the hours|counting down the hours|why did i ever|why did i pick|why did i choose|is a scam|is broken|burnt out|burned out|can't do this anymore|cant do this anymore|punching bag|treated like garbage|treated like trash|understaffed again|short staffed again|short-staffed again|mandatory overtime|mandated again|this job is killing me|killing me|not paid enough|underpaid|overworked|i quit|quitting|cool cool cool|#unsafe|unsafe staffing|i'm so tired|im so tired|so tired|😤|😤😤|wine tonight|done pretending|i'm tired of|i am so tired|one girl at a|12 in a row|4th 12|5th 12|back to back 12s|i dont even remember|i don't even remember|no one cares|nobody cares|running on fumes|nursing is a joke|this profession|bedside is broken"),
    (AT_WORK, "at work rn|at work right now|at work atm|still at work|stuck at work|at work and|at work,|on my break|on break in|on my lunch break|on my lunch|mid-shift|mid shift|mid-code|mid code|mid-case|between call lights|between patients|between pts|at the nurses station|at the nurses' station|at the nurse's station|at the nursing station|charting at the|on the clock|on shift rn|on shift right now|currently on shift|on shift and|from the break room|in the locker room|in the or locker room|locker room before|on the unit rn|at the bedside rn|posting from work|sneaking a post|during my shift|during shift|while on shift|on my 15|hour 9 of 12|hour 10 of 12|hour 11 of 12|hour 12 of 12|3 hrs left|2 hrs left|4 more hours|3 more hours|2 more hours"),
    (EMPLOYER, "management|admin|administration|leadership|hr|hr's|corporate|the c-suite|c-suite|executives|the executives|the hospital|this hospital|our hospital|my hospital|this place|the place|the company|our employer|my employer|our system|the system|our health system|this health system|the board|upper management|our director|the cfo|the ceo|our ceo|our cfo|the suits|admin's"),
    (NEGATIVE, "useless|lazy|incompetent|botched|botch|blamed|jackass|idiot|idiots|clown|clowns|moron|worst|terrible|awful|pathetic|disgusting|only cares about|doesn't care|don't care|does not care|never listens|never listen|cut our|cuts|cutting|pizza party|instead of a raise|joke|greedy|cheap|duct tape|cost center|answer to|unpaid|mandatory|replaced|eliminated|gutted|ignored|threw|yelled|screamed|left me|zero charting|disappeared|dumped|can't even|cant even|rude|nasty|toxic|liar|lied|lying|spineless|clueless|burns down|burning down|runs on|cares about $$$|$$$|sweetie|🙄|for taking|so does our manager|reported|has been reported|do better|embarrassing|embarrassed|shameful|ruined|ruins|sucks|suck|hate|failing|not a cost center|tired of smiling|where they'll|make it make sense"),
    (COWORKER, "charge nurse|our charge|the charge|nurse manager|our manager|my manager|the manager|attending|the attending|resident|the resident|surgical resident|intern|hospitalist|the hospitalist|surgeon|the surgeon|anesthesiologist|doc|the doc|docs|coworker|co-worker|coworkers|co-workers|day shift nurse|night shift nurse|day shift|night shift|preceptor|my preceptor|scrub tech|tech|cna|unit secretary|unit clerk|pharmacist|the pharmacist|rt|the rt|np|the np|pa|the pa|payroll|in payroll|in hr|in pharmacy|in registration|registration lady|registration|float nurse|traveler|the traveler|travel nurse|new grad|director|supervisor|house sup|my boss|the boss"),
    (CONFIDENTIAL, "confidential|not public yet|not public|keep it between us|between us|don't share this|dont share this|internal memo|internal email|memo|leaked|off the record|under nda|nda|hush hush|layoffs|layoff|laid off|rif|ftes cut|ftes|positions cut|positions eliminated|merger|merging|acquisition|acquired by|buyout|budget slides|budget cuts|leadership meeting|closing l&d|closing the|closing our|they're closing|shutting down|census|boarders|staffing grid|staffing numbers|ratio|ratios|security incident|data breach|breach|ransomware|traced|investigation|lawsuit|settlement|sentinel event|root cause|incident report|not supposed to say|before it's announced|before they make it official|before they announce|make it official|internal dashboard|internal survey|internal engagement survey|engagement survey results|internal numbers|internal metrics|internal report|internal data|asked us not to share|told us not to share|asked us not to post|told us not to post|told not to share|not allowed to share|won't say it publicly|won't say publicly|won't admit publicly|hasn't been announced|has not been announced|official announcement isn't|announcement isn't until|announcement is not until|board voted|the board voted|before the announcement"),
    (POLITICAL, "governor|senator|congressman|congresswoman|congress|president|the president|democrats|republicans|dems|gop|libs|liberals|conservatives|maga|trump|biden|harris|obama|voted for|vote for|voters|election|politicians|medicaid cuts|gutting medicaid|abortion|pro-life|pro-choice|immigrants|illegals|god|jesus|pray|prayer|church|religion|christian|muslim|atheist|vaccine|vaccines|booster|boosters|jab|mandate|mandates|big pharma|this country"),
    (INFLAMMATORY, "sheeple|do your own research|they lied to us|they're lying|plandemic|scamdemic|wake up people|abortion is murder|baby killers|baby killer|medicine without god|doesn't pray|don't pray|if that offends you|fight me|you did this|is on you|blood on your hands|should lose her license|should lose his license|should lose their license|should be embarrassed|should be ashamed|never take another|will never take another|will never get another|poison jab|vaccine injured|died suddenly|#medicalfreedom|medical freedom|groomers|go back to|burn in hell|going to hell|god hates|traitor|traitors|communist|fascist|nazi|nazis|don't you dare|anyone who voted|if you voted"),
    (INSULT, "clown|spineless|idiot|idiots|moron|morons|stupid|dumb|traitor|coward|cowards|pathetic|disgrace|scum|evil|garbage|trash|clowns"),
    (PROFANITY, "fuck|fucking|fucked|fucker|f*ck|f**k|f***|f***ing|f**king|f*cking|fking|effing|shit|shitty|sh*t|bullshit|bs|damn|goddamn|ass|a**|asshole|a**hole|jackass|bitch|b*tch|bitches|wtf|stfu|crap|piss|pissed|dick|d*ck|bastard|hell no|my a**|🖕"),
    (DRINK, "shots|shots on|shot of|tequila|vodka|whiskey|margs|marg|margarita|margaritas|wine|beer|beers|drunk|wasted|hammered|hungover|hangover|tipsy|buzzed|day drinking|🥃|🍹|🍷|🍺|🍻|🍸|🍾|#nursesgonewild|nursesgonewild|pregame|blackout|blacked out|edible|edibles|high af|stoned"),
    (DUTY, "on call|my 0700|my 0600|my 0645|covers my|cover my|before my shift|before shift|before work|at work|on shift|my shift|scrubs off|post-shift|post shift|in scrubs|at 7am|0700|0600|tomorrow's shift"),
    (SEXUAL, "so hot|🥵|get me his number|get me her number|his number|her number|page him all night|page her all night|sexy|thirst trap|hottie|smash|hit that|body count|accidentally page|nudes|grope|groped|slapped her ass"),
    (CLAIM, "100% success|100% success rate|zero complications|no complications ever|zero complications ever|never once missed|never missed a diagnosis|never lost a patient|guaranteed|guarantee|results guaranteed|money back|best surgeon|the best injector|best injector|the best spine surgeon|best doctor|best nurse in|best in the state|in the state|#1 rated|number one rated|top rated|top-rated|ranked top|most requested|no other clinic|no other doctor|can match|for good|miracle cure|cures|100% of my|100% effective|every single patient|i'm the best|i'm just that good|the best in|from the best|second opinion from the best|#bestsurgeon|hands down"),
    (PROMO, "link in bio|link in my bio|dm me to book|dm to book|book now|book a consult|book with me|book today|booking now|like, comment, share|like comment share|smash that like|subscribe|tag 3 friends|tag three friends|tag a friend|follow me|follow for more|merch|merch store|use my code|discount code|promo code|enrollment opens|enroll now|sign up now|comment “|i'll send you the link|to learn more|spots filling fast|limited spots|grab it before it's gone|% off|40% off|50% off|coaching|1:1 coaching|my program|my course|my book|new episode|episode|podcast|tell your friends|don't forget to follow|dm “|repost|share this post|tag your|follow my|hit the bell|retweet|every share helps|order now|storefront|discount codes|for the link|share with every|before i'm booked out|book with|#bossbabe|#hustle|#personalbrand"),
    (EDUCATIONAL, "never post|don't post|do not post|avoid posting|never share|don't share|do not share|never let anyone|for example|e.g.|hypothetical|hypothetically|imagine a|case study|scenario|nclex question|practice question|question of the day|quiz|tip|tips|pearl|clinical pearl|psa|reminder|teach|teaching|lesson|lessons|#meded|#foamed|education|educational|training|in-service|how to|remember:|know the difference|symptoms:|signs of|if you think|if your|talk to your|ask your|call your doctor|never let|it's already a problem|a real mrn|a real chart|hipaa"),
    (OWN, "my own|i was the one in the gown|i was diagnosed|diagnosed w/|diagnosed with|my surgery|my chemo|my diagnosis|my relapse|my ms|my knee|my hip|my back|my cancer|my treatment|my infusion|my scans|my port|i got my chemo|took such good care of me|my recovery|my pregnancy|my baby|my labor|my delivery|i'm a survivor|survivor|#cancersurvivor|my own dose|my own type|i'm pregnant|im pregnant|i am pregnant|i’m pregnant|weeks pregnant|my due date|baby due|it's a girl|it's a boy|its a girl|its a boy|it’s a girl|it’s a boy|gender reveal|my bump|baby bump|my midwife|my ob|my obgyn|my gp|my own doctor|my results|my bloodwork|my blood work|my biopsy|my mri|my appointment|my op|my operation|my c-section|my induction|my waters|i gave birth|i donated"),
    (CONTACT, "call or text|text or call|email me|call me|message me|dm me|reach me|reach out|contact|contact me|contact our|questions?|inquiries|apply|apply now|hiring|we're hiring|now hiring|is hiring|send your resume|resume to|careers@|jobs@|info@|for details|for more info|sign up|register|rsvp|call the|visit us|find us|our office|front desk at|schedule at"),
    (PATIENT_EVENT, "came in|come in|brought in|brought into|rolled in|rolled into|was admitted|admitted|admit|discharged|transported|transferred|flew her out|flew him out|flown out|we coded|coded|passed away|passed|died|expired|delivered|was born|born at|intubated|extubated|went home|going home|headed home|code blue|rapid response|triage|in triage|presented with|presented to|showed up|walked in|dropped off|checked in|was seen|saw a|had a pt|had a patient|my pt|my patient|the pt|our pt|this pt|we lost|lost a|lost our|died in|passed in|came into|rushed to|rushed in|brought to|airlifted|flown to|taken to|admitted to|discharged home|sent home|went into|finally got|rang the bell|ringing the bell|ring the bell|rings the bell|finished her last|finished his last|last treatment|final treatment|last chemo|last radiation|last infusion"),
    (PERSON, "driver|passenger|pedestrian|cyclist|rider|motorcyclist|victim|he|she|him|her|his|hers|he's|she's|lady|man|woman|guy|girl|boy|kid|baby|gentleman|dude|gal|sir|ma'am|grandma|grandpa|mom|dad|son|daughter|wife|husband|family|pt|patient|mr|mrs|ms|miss"),
    (STAFF, "thanks to|thank you to|thank you|thanks|shoutout|shout out|shout-out|congrats|congratulations|welcome|welcoming|please join me|mentor|mentorship|author|coordinator|chair|director|colleague|colleagues|precepting|led|leading|rrt|rrt-nps|rn|bsn|msn|md|do|np|pa-c|pharmd|phd|dnp|facc|cna|lpn|crna|ccc-slp|slp|emt|medic|our team|our new|joined|promotion|award|honored|proud of|grateful"),
    (CLINICAL, "warfarin|coumadin|heparin|insulin|metoprolol|lisinopril|metformin|oxy|oxycodone|dilaudid|morphine|fentanyl|narcan|naloxone|xanax|ativan|haldol|refill|refills|prescription|script|scripts|rx|meds|med|dose|doses|mg|labs|bmp|cbc|troponin|trop|ekg|ct|mri|x-ray|xray|biopsy|diagnosis|dx|hx|history|chart|mrn|dob|admission|icu|er|ed|nicu|picu|or|pacu|ward|unit|bed|room|bay|iv|picc|central line|foley|vitals|bp|o2|sats|pain|fever|symptoms|surgery|procedure|stitches|wound|cast|splint|eligibility|claim|claims|insurance|medicare|medicaid|billing|deductible|pharmacy|fax|faxing|appointment|appt|portal|ambulance|rig|transport|ems|911|hospice|dialysis|chemo|infusion|pacemaker|pump|pca|generator|interrogated|appointments|physical therapy|physicaltherapy|home exercises|your exercises|tka|tkr|knee replacement|hip replacement"),
    (OWN_FAMILY, "my dad|my mom|my father|my mother|my sister|my brother|my son|my daughter|my kid|my kids|my husband|my wife|my grandma|my grandpa|my grandmother|my grandfather|my aunt|my uncle|my parents|my family|my partner|my boyfriend|my girlfriend|my niece|my nephew|my 8yo|my baby|pops|my pops|my mum|grandpa|grandma|granny|grandad|granddad|gramps|nana|nanna|abuela|abuelo|oma|opa|our son|our daughter|our kids|our baby|my cousin|my grandson|my granddaughter|my grandkids|my grandchildren|my stepdad|my stepmom|my mother-in-law|my father-in-law|my in-laws|my godmother|my godson|my goddaughter|abuelita|abuelito|mi abuela|mi abuelo|mi mamá|mi mama|mi papá|mi papa|mi hijo|mi hija|mi hermana|mi hermano|mi esposo|mi esposa|ma grand-mère|ma grand-mere|mon grand-père|mon grand-pere|ma mère|ma mere|mon père|mon pere|mon fils|ma fille|ma soeur|ma sœur|mon frère|mon frere|meine oma|mein opa|meine mutter|mein vater|meine tochter|mein sohn|minha avó|minha avo|meu avô|meu avo|minha mãe|minha mae|meu pai|my mum|my mam|my mummy|my mommy|my daddy|my nan|my nanny|my gran|my granny|my nanna|my nana|my grandad|my granddad|my grandmom|my grandpop|my great-grandma|my great-grandmother|my great-grandpa|my great-gran|great-gran|great-grandma|great-grandpa|my auntie|my aunty|my stepson|my stepdaughter|my stepmum|my stepmother|my stepfather|my sister-in-law|my brother-in-law|my son-in-law|my daughter-in-law|my twin|my twins|my newborn|my little one|my little girl|my little boy|my firstborn|my godfather|my goddaughter|my grandbaby|my rainbow baby|our rainbow baby|my miracle baby|our miracle baby|my granddad|our twins|our newborn|our little one|our little girl|our little boy|our niece|our nephew|our grandson|our granddaughter|our mum|our mam|my lola|my lolo|my nanay|my tatay|my tita|my tito|my ate|my kuya|lola ko|lolo ko|nanay ko|tatay ko|tita ko|tito ko|anak ko|apo ko|mi tía|mi tia|mi tío|mi tio|mi sobrina|mi sobrino|mi nieta|mi nieto|mi prima|mi primo|mi suegra|mi suegro|mi madre|mi padre|mi bebé|mi bebe|mi abuelita|mi abuelito|ma tante|mon oncle|ma nièce|ma niece|mon neveu|ma cousine|mon cousin|ma mamie|mon papi|mon papy|ma belle-mère|mon bébé|mon bebe|ma petite-fille|mon petit-fils|meine tante|mein onkel|meine nichte|mein neffe|meine schwester|mein bruder|meine enkelin|mein enkel|meine cousine|mein cousin|meine frau|mein mann|minha tia|meu tio|minha sobrinha|meu sobrinho|minha neta|meu neto|minha filha|meu filho|minha irmã|minha irma|meu irmão|meu irmao|mia nonna|mio nonno|mia madre|mio padre|mia figlia|mio figlio|mia sorella|mio fratello|mia zia|mio zio|mia nipote|mio nipote|moja babcia|mój dziadek|moj dziadek|moja mama|mój tata|moj tata|my bubbe|my zayde|my bubby|my oma|my opa|my abuela|my abuelo|my abuelita|my nonna|my nonno|my babcia|my dziadek|my yiayia|my yia yia|my papou|my tutu|my halmeoni|my obaachan|my ojiichan|my nani|my dadi|my nana ji|my dada|my ammi|my abbu|my amma|my appa"),
    (ADVICE, "take the leftover|take your leftover|take the rest of|take the rest of your|take a couple|take a few|throw out your|toss your|ditch your|you can stop your|you can stop taking|just stop it|just stop taking|just quit taking|don't need to taper|dont need to taper|no need to taper|skip the mri|skip the er|skip the ed|skip the doctor|skip urgent care|don't bother the er|don't bother going in|dont bother going in|don't waste your time going in|don't waste your time going to|no need to go to the er|don't go to the er|dont go to the er|don't call 911|dont call 911|sleep it off|alternate tylenol and motrin|alternate tylenol|alternate motrin|you can split|have her skip|have him skip|skip one dose|skip a dose|skip a few doses|i'll tell you if|ill tell you if|i'll tell you whether|send me a pic|send me a photo|dm me a pic|dm me a photo|from what you're describing|from what you describe|based on what you're describing|it's not your heart|its not your heart|those are just braxton|that's just braxton|is fine as long as|isn't a big deal|is not a big deal|you're good to|double up on|take it with|walk anyone through it|walk you through dosing|you should|you need to|just take|take an extra|take 2|take two|double your|triple your|up your dose|increase your|stop taking|stop your|skip your|cut your|dm me your|dm me ur|send me your|message me your|i'll tell you what to do|ill tell you what to do|you won't even need to|you don't need to see|no need to see a doctor|no need to go in|sounds like|you probably have|you definitely have|you prob have|def sounds like|that's definitely|is definitely|is definately|definately it|definitely it|trust me|source: i'm a nurse|source: i'm a doctor|i'm a nurse|as a nurse|(icu rn)|-trish, rn|girl just|hun|babe"),
    (SAFE_ADVICE, "can't tell you|cannot tell you|can not tell you|talk to your|talking to your|ask your|call your doctor|call your|see your doctor|see your provider|check with your|poison control|call 911|call the pharmacy|please call|w/o talking|without talking|without seeing|not medical advice|this is not advice|consult your|your prescriber"),
    (HOLIDAY, "christmas eve|christmas day|christmas|new year's eve|new year's day|new years eve|thanksgiving|halloween|easter|valentine's day|valentines day|the 4th of july|fourth of july|july 4th|mother's day|father's day|labor day|memorial day"),
    (PLACE, "school|high school|middle school|elementary|church|shop|store|gym|bar|restaurant|farm|ranch|factory|plant|warehouse|jail|prison|shelter|hotel|motel|park|pool|lake|river|trail|campground|stadium|field|daycare|nursing home|group home|kitchen|garage|driveway|backyard|home|house|apartment|trailer|bridge|freeway|interstate|highway|turnoff|exit|mile marker|mm"),
    (BIOMETRIC, "footprint|footprints|footprint sheet|palm-vein|palm vein scanner|palm-vein scanner|iris template|iris templates|voice biometrics|retinal scans|retina scans|fingerprint check-in|fingerprint scanner|fingerprint reader|fingerprint|fingerprints|finger print|finger prints|fingerprint scan|thumbprint|thumbprints|retina scan|retinal scan|iris scan|iris scans|voice print|voiceprint|voiceprints|palm print|palm prints|palm vein|faceprint|face print|facial recognition|facial geometry|face scan|face id data|dna profile|dna sample|gait signature|biometric|biometrics|hand geometry"),
    (DATA, "on file|in the file|in our file|database|in the system|template|stored|uploaded|enrolled|collected|captured|scanned|recorded|record|records|data|sample|samples|matched|match|registry|registered|saved|kept|logged|scan on file|leaked"),
    (PRAISE, "thank|thanks|grateful|proud|amazing|incredible|best crew|love|loved|honored|honor|congrats|congratulations|awesome|great|kind|kindness|shoutout to our|🙌|💙|❤️|🎉|👏🏽|well deserved|welcome|inspiring|saved|hero|heroes|rockstar|support|supported"),
    (RELATIVE, "her son|his son|her daughter|his daughter|her husband|his wife|her wife|his husband|her mom|his mom|her dad|his dad|her mother|his mother|her father|his father|her sister|his sister|her brother|his brother|her grandson|his grandson|her granddaughter|his granddaughter|her kids|his kids|her family|his family|the family|her nephew|his nephew|her niece|his niece|your dad|your mom|their dad|their mom|pt's son|pt's daughter|pt's wife|pt's husband|patient's son|patient's daughter|patient's wife|patient's husband|family of|his mum|her mum|his mama|her mama|his mummy|her mummy|his mommy|her mommy|their mum|their mama|his parents|her parents|his grandma|her grandma|his grandpa|her grandpa|his aunt|her aunt|his uncle|her uncle|his cousin|her cousin|his girlfriend|her boyfriend"),
    (HIRING, "hiring|we're hiring|now hiring|is hiring|is looking for|join our team|sign-on bonus|sign on bonus|apply|open position|positions available|job opening|recruiting|recruiter|requirements:|new grads with|caseload includes"),
    (HYPOTHETICAL, "hipaa|#hipaa|hipaa-compliant|de-identify|de-identified|de-identifying|deidentify|deidentified|identifiers|identifier|safe harbor|phi|what counts as|never post|i'll never post|things i'll never post|instead of:|before you post|case report|privacy|confidentiality|retake|in frame|hypothetical|hypothetically|fictional|made-up|made up|practice question|nclex|scenario|case study|quiz|which of the following|mnemonic|checklist|friendly reminder|reminder that|sample patient|test patient|example:|for example|e.g.|imagine a|imagine you|sample card|sample number|sample mbi|sample ssn|published sample|example number|example ssn|dummy data|dummy values|test data|synthetic data|fake data|test patient|dummy patient|fake patient|sample patient|test environment|training environment|explainer"),
    (REF, "pt|pt's|pt’s|patient|patient's|resident|client|kiddo|preemie|our nicu miracle|our nicu baby|our nicu warrior|our nicu graduate|our picu warrior|our icu miracle|a kid in our nicu|a kid in our picu|a kid in our er|a kid in our ed"),
    (STREET, "street|st|avenue|ave|road|rd|lane|ln|boulevard|blvd|drive|court|ct|place|circle|terrace|parkway|pkwy|way|trail|crescent|pike|loop"),
    (AGE_UNIT, "y/o|yo|y.o.|yro|year-old|year old|years old|years-old|yr old|yr-old|yrs old|yo girl|yo boy"),
    (NEWS, "retiring|retirement|retires|retired today|retired after|her last shift|his last shift|my last shift|last shift|final shift|last list|final list|operated his last|operated her last|farewell|send-off|send off|leaving do|leaving party|well-deserved retirement|award|awarded|wins award|nominated|promoted|promotion|got married|getting married|wedding|newlyweds|maternity leave|paternity leave|baby shower|obituary|obituaries|rest in peace|in the news|on the news|made the news|the news that|saw the news|news of|world's oldest|oldest man|oldest woman|oldest living|celebrity|the king|the queen|king charles|the prince|the princess|the senator|the president|the governor|the mayor|prime minister|the premier|his office said|her office said|announced|press release|press conference|the actor|the actress|the singer|the rapper|olympian|astronaut"),
    (SARCASM, "truly inspiring work|inspiring work|great job guys|love that for us|thanks for nothing|real helpful|so helpful|love that|truly inspiring|what a hero|for taking"),
];

/// The phrase table: deduplicated phrases with the union of their kinds, indexed for
/// [`Lexicon::find`].
pub struct Lexicon {
    pub phrases: Vec<&'static str>,
    pub kinds: Vec<Kinds>,
    /// Phrases that start with a letter or digit, by their first word (their leading run
    /// of ASCII letters and digits): the one-word phrases, and whether longer ones exist.
    by_word: WordMap<FirstWord>,
    /// Phrases of two words or more, by their first two words and what separates them.
    by_two_words: WordMap<Ids>,
    /// The phrase ids the two maps above point into, so their values stay small.
    ids: Vec<u32>,
    /// The few phrases that start with another ASCII byte ("#hipaa"), indexed by that byte.
    by_byte: Vec<Vec<u32>>,
    /// Phrases that start with a non-ASCII character ("🙄"), by that character.
    by_char: WordMap<Vec<u32>>,
}

#[derive(Clone, Copy)]
struct FirstWord {
    /// Phrases that are this word, possibly followed by punctuation ("questions?").
    alone: Ids,
    /// Some phrase goes on to a second word.
    longer: bool,
}

/// A run of [`Lexicon::ids`].
#[derive(Clone, Copy)]
struct Ids {
    start: u32,
    len: u32,
}

impl Ids {
    /// Appends `list` to `ids` and returns where it lies.
    fn append(ids: &mut Vec<u32>, list: &[u32]) -> Ids {
        let start = ids.len() as u32;
        ids.extend_from_slice(list);
        Ids {
            start,
            len: list.len() as u32,
        }
    }

    fn of(self, ids: &[u32]) -> &[u32] {
        &ids[self.start as usize..(self.start + self.len) as usize]
    }
}

/// A phrase of the lexicon found in a post.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub kinds: Kinds,
}

impl Lexicon {
    /// Every occurrence of every phrase in `lower` (the post, ASCII lower-cased) that does
    /// not cut a word, overlapping ones included, in order of (start, end).
    ///
    /// A phrase starting with a letter or digit can only start where a run of ASCII letters
    /// and digits starts, and that run must be the phrase's own first word: a longer run
    /// would differ from the phrase at the byte after the word or, when the phrase ends
    /// there, fail the boundary check. The same holds for its second word. So one or two
    /// hash lookups per word find every candidate, and each is then compared in full.
    pub fn find(&self, lower: &str) -> Vec<Hit> {
        let b = lower.as_bytes();
        let mut hits = Vec::with_capacity(b.len() / 8);
        let mut push = |ids: &[u32], s: usize| {
            for &id in ids {
                let p = self.phrases[id as usize];
                let e = s + p.len();
                // A byte loop: phrases are short, and `starts_with` calls `memcmp`.
                let same = b.len() >= e && p.bytes().zip(&b[s..e]).all(|(x, &y)| x == y);
                if same && bounded(b, s, e) {
                    hits.push(Hit {
                        start: s,
                        end: e,
                        kinds: self.kinds[id as usize],
                    });
                }
            }
        };
        // Reads a run of letters and digits from `i`, hashing it onto `h`.
        let run = |mut i: usize, mut h: u64| {
            while i < b.len() && words::ALNUM[b[i] as usize] != 0 {
                h = words::step(h, b[i]);
                i += 1;
            }
            (i, h)
        };
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if c >= 0x80 {
                // A character's first byte: an emoji or letter that may start a phrase.
                if c >= 0xC0 {
                    let len = 2 + usize::from(c >= 0xE0) + usize::from(c >= 0xF0);
                    if let Some(ids) = lower.get(i..i + len).and_then(|ch| self.by_char.get(ch)) {
                        push(ids, i);
                    }
                }
                i += 1;
                continue;
            }
            if words::ALNUM[c as usize] == 0 {
                let ids = &self.by_byte[c as usize];
                if !ids.is_empty() {
                    push(ids, i);
                }
                i += 1;
                continue;
            }
            let s = i;
            let h;
            (i, h) = run(s, words::SEED);
            let Some(first) = self.by_word.get_by_hash(words::finish(h)) else {
                continue;
            };
            push(first.alone.of(&self.ids), s);
            if first.longer {
                // The second word's key runs on from the first: separator, then the word.
                let (mut j, mut h) = (i, h);
                while j < b.len() && !b[j].is_ascii_alphanumeric() {
                    h = words::step(h, b[j]);
                    j += 1;
                }
                if j < b.len() {
                    let (_, h) = run(j, h);
                    if let Some(two) = self.by_two_words.get_by_hash(words::finish(h)) {
                        push(two.of(&self.ids), s);
                    }
                }
            }
        }
        // Left to right, so only phrases sharing a start can be out of order: an insertion
        // sort moves each at most a few places. No two hits share both ends.
        for i in 1..hits.len() {
            let mut j = i;
            while j > 0 && (hits[j - 1].start, hits[j - 1].end) > (hits[j].start, hits[j].end) {
                hits.swap(j - 1, j);
                j -= 1;
            }
        }
        hits
    }

    fn index(phrases: &[&'static str]) -> Lexicon {
        let mut by_word: Vec<(&'static str, Vec<u32>, bool)> = Vec::new();
        let mut first_at = words::BuildMap::default();
        let mut by_two: Vec<(&'static str, Vec<u32>)> = Vec::new();
        let mut two_at = words::BuildMap::default();
        let mut by_byte = vec![Vec::new(); 256];
        let mut by_char: Vec<(&'static str, Vec<u32>)> = Vec::new();
        for (id, p) in phrases.iter().enumerate() {
            let id = id as u32;
            let b = p.as_bytes();
            let word = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
            if word == 0 {
                let ch = p.chars().next().map_or(0, char::len_utf8);
                if ch == 1 {
                    by_byte[b[0] as usize].push(id);
                } else if let Some(e) = by_char.iter_mut().find(|e| e.0 == &p[..ch]) {
                    e.1.push(id);
                } else {
                    by_char.push((&p[..ch], vec![id]));
                }
                continue;
            }
            let f = *first_at.entry(&p[..word]).or_insert_with(|| {
                by_word.push((&p[..word], Vec::new(), false));
                by_word.len() - 1
            });
            match (word..b.len()).find(|&j| b[j].is_ascii_alphanumeric()) {
                None => by_word[f].1.push(id),
                Some(j) => {
                    by_word[f].2 = true;
                    let two = j + b[j..]
                        .iter()
                        .take_while(|c| c.is_ascii_alphanumeric())
                        .count();
                    let t = *two_at.entry(&p[..two]).or_insert_with(|| {
                        by_two.push((&p[..two], Vec::new()));
                        by_two.len() - 1
                    });
                    by_two[t].1.push(id);
                }
            }
        }
        let mut ids = Vec::with_capacity(phrases.len());
        let by_word = WordMap::new(by_word.iter().map(|(w, alone, longer)| {
            let alone = Ids::append(&mut ids, alone);
            (
                *w,
                FirstWord {
                    alone,
                    longer: *longer,
                },
            )
        }));
        let by_two_words = WordMap::new(
            by_two
                .iter()
                .map(|(w, list)| (*w, Ids::append(&mut ids, list))),
        );
        // `find` looks words up by hash alone and checks each phrase it is led to in full.
        assert!(!by_word.hash_collision() && !by_two_words.hash_collision());
        Lexicon {
            phrases: phrases.to_vec(),
            kinds: Vec::new(),
            by_word,
            by_two_words,
            ids,
            by_byte,
            by_char: WordMap::new(by_char),
        }
    }

    fn build() -> Lexicon {
        let mut phrases: Vec<&'static str> = Vec::new();
        let mut kinds: Vec<Kinds> = Vec::new();
        let mut index = words::BuildMap::default();
        for &(k, list) in LISTS {
            for p in list.split('|') {
                if p.is_empty() {
                    continue;
                }
                match index.get(p) {
                    Some(&i) => kinds[i] |= k,
                    None => {
                        index.insert(p, phrases.len());
                        phrases.push(p);
                        kinds.push(k);
                    }
                }
            }
        }
        // "he's in bay 3", "she was brought in": pronoun references, generated.
        for p in ["he", "she"] {
            for v in ["'s in", " is in", " was in"] {
                for place in ["room", "bed", "bay", "rm", "trauma bay"] {
                    let phrase: &'static str =
                        Box::leak(format!("{p}{v} {place}").into_boxed_str());
                    index.insert(phrase, phrases.len());
                    phrases.push(phrase);
                    kinds.push(kind::REF);
                }
            }
            for v in ["was", "got", "is being", "has been"] {
                for e in [
                    "brought",
                    "rushed",
                    "admitted",
                    "transferred",
                    "flown",
                    "airlifted",
                    "intubated",
                    "coded",
                    "found",
                ] {
                    let phrase: &'static str = Box::leak(format!("{p} {v} {e}").into_boxed_str());
                    if index.contains_key(phrase) {
                        continue;
                    }
                    index.insert(phrase, phrases.len());
                    phrases.push(phrase);
                    kinds.push(kind::REF | kind::PATIENT_EVENT);
                }
            }
        }
        Lexicon {
            kinds,
            ..Lexicon::index(&phrases)
        }
    }
}

/// Whether `[s, e)` does not cut a word: when the phrase starts (ends) with an ASCII letter
/// or digit, the byte before (after) must not be one.
pub fn bounded(b: &[u8], s: usize, e: usize) -> bool {
    let w = |c: u8| c.is_ascii_alphanumeric();
    let left = s == 0 || !w(b[s]) || !w(b[s - 1]);
    let right = e >= b.len() || !w(b[e - 1]) || !w(b[e]);
    left && right
}

/// The shared lexicon, built once per process.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::build)
}

/// Common first names (US Census 1990, see `data/README.md`).
pub fn first_names() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| include_str!("../data/first_names.txt").lines().collect())
}

/// Common surnames (US Census 1990, see `data/README.md`).
pub fn surnames() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| include_str!("../data/surnames.txt").lines().collect())
}

/// Towns and cities from GeoNames (see `data/README.md`, `scripts/build-towns.py`), lower
/// case and ASCII-folded, multi-word names space-separated: look a word up through
/// [`fold_place`].
pub fn towns() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| include_str!("../data/towns.txt").lines().collect())
}

/// States, provinces, countries and continents (see `data/README.md`), as `towns.txt` writes
/// names: no identifier, so the span tagger never reports one as a place.
pub fn regions() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| include_str!("../data/regions.txt").lines().collect())
}

/// A place name as `towns.txt` writes it: lower case, accents dropped ("Trois-Rivières" ->
/// "trois-rivieres", "Łódź" -> "lodz"), a curly apostrophe straight. An ASCII word is
/// returned as it is (the caller has lower-cased it already).
pub fn fold_place(w: &str) -> std::borrow::Cow<'_, str> {
    if w.is_ascii() {
        return std::borrow::Cow::Borrowed(w);
    }
    let mut out = String::with_capacity(w.len());
    for c in w.chars().flat_map(char::to_lowercase) {
        let f = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
            'ď' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
            'ĥ' => "h",
            'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
            'ĵ' => "j",
            'ķ' => "k",
            'ĺ' | 'ļ' | 'ľ' | 'ł' => "l",
            'ñ' | 'ń' | 'ņ' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
            'ŕ' | 'ŗ' | 'ř' => "r",
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
            'ţ' | 'ť' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
            'ŵ' => "w",
            'ý' | 'ÿ' | 'ŷ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            '’' => "'",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(f);
    }
    std::borrow::Cow::Owned(out)
}

/// Capitalised words that are not names even when they follow a role word or sit in a
/// clinical sentence: function words, units, days, months, titles and common nouns.
pub fn not_name(lower: &str) -> bool {
    const WORDS: &[&str] = &[
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "is",
        "was",
        "are",
        "were",
        "i",
        "i'm",
        "im",
        "we",
        "he",
        "she",
        "it",
        "they",
        "you",
        "my",
        "our",
        "his",
        "her",
        "their",
        "this",
        "that",
        "in",
        "on",
        "at",
        "to",
        "for",
        "of",
        "with",
        "from",
        "by",
        "as",
        "if",
        "so",
        "no",
        "not",
        "just",
        "still",
        "now",
        "then",
        "who",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "icu",
        "er",
        "ed",
        "or",
        "nicu",
        "picu",
        "pacu",
        "ob",
        "l&d",
        "rn",
        "md",
        "np",
        "pa",
        "pt",
        "ot",
        "rt",
        "cna",
        "ems",
        "emt",
        "dr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "god",
        "jesus",
        "covid",
        "medicare",
        "medicaid",
        "happy",
        "thank",
        "thanks",
        "please",
        "hospital",
        "medical",
        "center",
        "clinic",
        "health",
        "unit",
        "ward",
        "room",
        "bed",
        "bay",
        "nurse",
        "nurses",
        "doctor",
        "doc",
        "team",
        "staff",
        "shift",
        "night",
        "day",
        "week",
        "month",
        "year",
        "is",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "did",
        "does",
        "got",
        "went",
        "came",
        "said",
        "says",
        "told",
        "asked",
        "went",
        "just",
        "also",
        "too",
        "very",
        "so",
        "yes",
        "yeah",
        "ok",
        "okay",
        "omg",
        "lol",
        "rip",
        "ty",
        "pls",
        "mom",
        "dad",
        "baby",
        "sister",
        "brother",
        "son",
        "daughter",
        "wife",
        "husband",
        "family",
        "here",
        "there",
        "home",
        "again",
        "after",
        "before",
        "since",
        "while",
        "every",
        "one",
        "two",
        "three",
        "new",
        "old",
        "little",
        "big",
        "sweet",
        "dear",
        "poor",
        "sir",
        "ma'am",
        "grandma",
        "grandpa",
        "aunt",
        "uncle",
        "friend",
        "friends",
        "everyone",
        "anyone",
        "someone",
        "nobody",
        "be",
        "been",
        "being",
        "do",
        "go",
        "get",
        "let",
        "make",
        "made",
        "see",
        "saw",
        "love",
        "loves",
        "hope",
        "pray",
        "prayers",
        "walked",
        "passed",
        "died",
        "needs",
        "need",
        "wants",
        "want",
        "keeps",
        "kept",
        "brought",
        "took",
        "gave",
    ];
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WORDS.iter().copied().collect())
        .contains(lower)
}

#[cfg(test)]
mod gazetteer_tests {
    use super::{fold_place, towns};

    #[test]
    fn towns_are_places_not_words_names_or_regions() {
        let t = towns();
        // Towns worldwide, folded as `fold_place` writes them.
        for w in [
            "mudgee",
            "tuam",
            "trois-rivieres",
            "twin falls",
            "provo",
            "st george",
        ] {
            assert!(t.contains(w), "{w}");
        }
        // Common words, given names, states and countries, and cities so large that they
        // rarely narrow anyone down (the data's cut) are left out.
        for w in [
            "reading", "bath", "march", "hope", "ward", "florence", "georgia", "ontario", "london",
        ] {
            assert!(!t.contains(w), "{w}");
        }
    }

    #[test]
    fn place_names_fold_to_the_list_spelling() {
        assert_eq!(fold_place("Trois-Rivières"), "trois-rivieres");
        assert_eq!(fold_place("łódź"), "lodz");
        assert_eq!(fold_place("o’neill"), "o'neill");
        assert_eq!(fold_place("provo"), "provo");
    }
}
