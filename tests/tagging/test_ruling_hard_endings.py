"""The decision reader on hand-written hard endings of a rationale (made up, not copied from
any letter): the reader reads each one right, or abstains with a review code; it never
guesses. `UP`/`OV` is the decision IMR's heading would carry for the disputed item; `None`
an abstention (the heading alone decides, and the item is flagged)."""

from __future__ import annotations

import pytest

from pipeline.tagging.ruling import AMBIGUOUS, NO_RULING, read_ruling

UP, OV = "Upheld", "Overturned"
LEAD = "The patient reports low back pain after lifting boxes at work. "

# (ending, disputed item or None, decision or None, review code when abstaining)
HARD_ENDINGS = [
    # -- partial and modified approvals: IMR decides the item as requested -> Upheld
    (
        "The request for 12 sessions is certified with modification to 6 sessions.",
        "Physical therapy 12 sessions",
        UP,
        None,
    ),
    ("Acupuncture is partially certified.", "Acupuncture 2 times a week for 6 weeks", UP, None),
    (
        "Therefore, the request is medically necessary for 6 of the 12 sessions.",
        "Chiropractic therapy 12 sessions",
        UP,
        None,
    ),
    (
        "The requested aquatic therapy is medically necessary for up to 8 visits only.",
        "Aquatic therapy 16 visits",
        UP,
        None,
    ),
    ("As such, the request is modified to a 30-day supply.", "Gabapentin 600 mg #90", UP, None),
    (
        "Only 4 of the 8 requested visits are medically necessary.",
        "Cognitive behavioral therapy 8 visits",
        UP,
        None,
    ),
    # -- decisions on the earlier denial
    ("For these reasons, the denial is upheld.", "Lumbar MRI", UP, None),
    ("The prior non-certification is overturned.", "Lumbar MRI", OV, None),
    ("Accordingly, the UR decision is reversed.", "Cervical epidural steroid injection", OV, None),
    ("The non-certification is upheld.", "Tramadol 50 mg #60", UP, None),
    ("I am reversing the previous adverse determination.", "Knee brace", OV, None),
    ("I agree with the utilization review determination.", "Knee brace", UP, None),
    ("I disagree with the prior denial.", "Home health aide", OV, None),
    ("The adverse determination is not upheld.", "Home health aide", OV, None),
    ("The denial is appropriate.", "Wrist splint", UP, None),
    # -- verdict words other than "medically necessary"
    ("Thus, the requested TENS unit is warranted.", "TENS unit", OV, None),
    ("The request is not warranted at this time.", "TENS unit", UP, None),
    ("Given the red flags, the MRI is indicated.", "MRI of the thoracic spine", OV, None),
    (
        "In this case, the shoulder arthroscopy is supported.",
        "Right shoulder arthroscopy",
        OV,
        None,
    ),
    ("The request is appropriate.", "Ortho consultation", OV, None),
    (
        "The requested consultation is reasonable and appropriate.",
        "Pain management consultation",
        OV,
        None,
    ),
    ("The request is unwarranted.", "Lidocaine patches #30", UP, None),
    ("Continued use of this medication is inappropriate.", "Lidocaine patches #30", UP, None),
    ("This request does not meet the guideline criteria.", "Lumbar fusion L4-5", UP, None),
    # -- the 2013 form
    (
        "Maximus Federal Services has determined the request for a cane is not medically necessary "
        "and appropriate.",
        "Cane",
        UP,
        None,
    ),
    (
        "Maximus Federal Services has determined the request for a cane is medically necessary and "
        "appropriate.",
        "Cane",
        OV,
        None,
    ),
    # -- negation scope and double negatives
    ("The request cannot be said to be not medically necessary.", "Ankle brace", OV, None),
    ("It cannot be said that the request is not medically necessary.", "Ankle brace", OV, None),
    ("It is not the case that the request is medically necessary.", "Ankle brace", UP, None),
    ("The requested cream is not unreasonable.", "Diclofenac gel", OV, None),
    ("The request is no longer medically necessary.", "Oxycodone 10 mg #90", UP, None),
    (
        "The request is neither medically necessary nor appropriate.",
        "Oxycodone 10 mg #90",
        UP,
        None,
    ),
    ("Therefore, the MRI cannot be deemed medically necessary.", "MRI of the left knee", UP, None),
    (
        "There is no reason to believe that the request is medically necessary.",
        "Hip injection",
        UP,
        None,
    ),
    ("The request is not-medically necessary.", "Hip injection", UP, None),
    # -- the ruling sentence is the main clause about this item
    (
        "As the surgery is not medically necessary, the requested postoperative therapy is not "
        "medically necessary.",
        "Postoperative physical therapy 12 visits",
        UP,
        None,
    ),
    (
        "Although the prior request was certified, the current request is not medically necessary.",
        "Physical therapy 6 visits",
        UP,
        None,
    ),
    (
        "Because the patient improved, the request is medically necessary.",
        "Massage therapy",
        OV,
        None,
    ),
    (
        "The request is medically necessary. The earlier request for surgery was denied by the "
        "claims administrator.",
        "Cold therapy unit",
        OV,
        None,
    ),
    (
        "The request is medically necessary. Guidelines state that imaging is not recommended for "
        "acute pain.",
        "Lumbar MRI",
        OV,
        None,
    ),
    (
        "The request is not medically necessary. Nothing in this medical necessity review is "
        "meant as advice to stop the medication at once.",
        "Norco 10/325 mg #120",
        UP,
        None,
    ),
    (
        "The requested walker is medically necessary, whereas the concurrent request for a "
        "wheelchair is not medically necessary.",
        "Front-wheeled walker",
        OV,
        None,
    ),
    (
        "The requested brace is medically necessary; the request is not medically necessary.",
        "Knee brace",
        None,
        AMBIGUOUS,
    ),
    (
        "The request for the remaining portion of the original request, PT 2 times a week for 3 "
        "weeks when the pain flares, is not medically necessary.",
        "PT 2 times a week for 3 weeks when the pain flares",
        UP,
        None,
    ),
    ("The request is not medically\n\nnecessary.", "Trigger point injections", UP, None),
    (
        "Medical necessity for the requested H-wave unit has not been established.",
        "H-wave unit",
        UP,
        None,
    ),
    (
        "Medical necessity has been established for the requested H-wave unit.",
        "H-wave unit",
        OV,
        None,
    ),
    ("I find the request medically necessary.", "Psychological evaluation", OV, None),
    ("The need for the requested sleep study has been documented.", "Sleep study", OV, None),
    (
        "The patient does not need the brace, and the request is therefore not medically "
        "necessary.",
        "Knee brace",
        UP,
        None,
    ),
    (
        "Therefore, the request for 18 sessions is not medically necessary, although 6 sessions "
        "would be appropriate.",
        "Physical therapy 18 sessions",
        UP,
        None,
    ),
    (
        "The MRI is not medically necessary; however, plain films would be appropriate.",
        "MRI of the knee",
        UP,
        None,
    ),
    ("The request was, thus, indicated.", "Psychological evaluation", OV, None),
    ("The UR modification is upheld.", "Physical therapy 12 sessions", UP, None),
    (
        "Anaprox 275 mg #30 remains medically necessary for now.",
        "Naproxen sodium 275mg #30",
        OV,
        None,
    ),
    # -- the reviewer's own verbs, and complement clauses
    ("I recommend that the denial be overturned.", "Lyrica 75 mg", OV, None),
    (
        "The original UR decision to non-certify the request is hereby upheld.",
        "Lyrica 75 mg",
        UP,
        None,
    ),
    ("The reviewer cannot recommend this request.", "Lumbar MRI", UP, None),
    ("I recommend non-certification of the request.", "Lumbar MRI", UP, None),
    ("I would recommend certification of the requested MRI.", "Lumbar MRI", OV, None),
    ("The documentation does not support the request.", "Lumbar MRI", UP, None),
    ("The clinical findings support the requested MRI.", "Lumbar MRI", OV, None),
    ("I do not recommend that the request be certified.", "Lumbar MRI", UP, None),
    (
        "Given the lack of evidence to support failure of first-line drugs, the request is not "
        "considered medically necessary.",
        "Tramadol 50 mg #60",
        UP,
        None,
    ),
    (
        "Although the request is not supported by guidelines, given the exceptional "
        "circumstances, it is medically necessary.",
        "Lumbar brace",
        OV,
        None,
    ),
    (
        "There is no indication that the requested MRI is not medically necessary.",
        "MRI of the neck",
        OV,
        None,
    ),
    (
        "It is not unreasonable to conclude that the request is medically necessary.",
        "Lumbar MRI",
        OV,
        None,
    ),
    ("The medical necessity of the request has not been substantiated.", "Lumbar MRI", UP, None),
    (
        "The request is not in compliance with ODG and is not medically necessary.",
        "Lumbar MRI",
        UP,
        None,
    ),
    (
        "The request is not medically necessary. The patient may benefit from a referral to pain "
        "management, which would be appropriate.",
        "Lumbar MRI",
        UP,
        None,
    ),
    (
        "The request is medically necessary, however, the quantity requested is excessive and is "
        "therefore not medically necessary.",
        "Tramadol 50 mg #120",
        None,
        AMBIGUOUS,
    ),
    (
        "Continued physical therapy is not medically necessary; the requested home exercise "
        "program is appropriate.",
        "Physical therapy 8 visits",
        UP,  # the home exercise program is another treatment's (its own lexicon name)
        None,
    ),
    # -- UR wording, noun verdicts, partial approvals named after the clause
    ("Therefore, this request is recommended for non-certification.", "Lumbar MRI", UP, None),
    ("Therefore, this request is recommended for certification.", "Lumbar MRI", OV, None),
    ("The request is hereby denied.", "Lumbar MRI", UP, None),
    ("The request is approved as modified.", "PT 12 sessions", UP, None),
    ("Authorization is not recommended.", "Lumbar MRI", UP, None),
    ("Non-certification of the request is supported.", "Lumbar MRI", UP, None),
    (
        "Medical necessity for 6 sessions has been established, but not for the 12 requested.",
        "PT 12 sessions",
        UP,
        None,
    ),
    (
        "Medical necessity for 6 of the 12 sessions has been established.",
        "PT 12 sessions",
        UP,
        None,
    ),
    ("The request is medically necessary in part.", "PT 12 sessions", UP, None),
    (
        "The request is medically necessary, as the patient has improved with 6 of the 12 prior "
        "sessions.",
        "PT 12 sessions",
        OV,
        None,
    ),
    ("The request for 6 of 12 sessions is medically necessary.", "PT 6 of 12 sessions", OV, None),
    (
        "Accordingly, the previous non-certification is reversed and the request is certified.",
        "Lumbar MRI",
        OV,
        None,
    ),
    ("The previous non-certification is therefore affirmed.", "Lumbar MRI", UP, None),
    (
        "The requested pillow is not considered to be a medical necessity at this time.",
        "Cervical pillow",
        UP,
        None,
    ),
    # -- page furniture, relative and infinitive clauses, a guideline's bare noun phrase
    (
        "Given the above, the requested ultrasound is\n\nPage 3 of 4 Made-Up Header - XY00-0000001"
        "\n\nnot medically necessary.",
        "Ultrasound of the thyroid",
        UP,
        None,
    ),
    ("The request is medically necessary. Page 2 of 2", "Ultrasound of the thyroid", OV, None),
    ("It would not be appropriate to deny the requested splint.", "Wrist splint", OV, None),
    (
        "Given the sparse findings, the MRI is not supported by the provided records.",
        "MRI of the left hip",
        UP,
        None,
    ),
    (
        "The request is not medically necessary. Per guidelines, "
        '"Aquatic therapy (an optional form of exercise therapy) is recommended where reduced '
        'weight bearing is desirable."',
        "Aquatic therapy 6 visits",
        UP,
        None,
    ),
    # -- no ruling sentence: abstain, never a default
    (
        "Guidelines require that for an MRI to be warranted there be red flags.",
        "Lumbar MRI",
        None,
        NO_RULING,
    ),
    (
        "The treating physician did not state the number of gloves that are being recommended.",
        "Large gloves",
        None,
        NO_RULING,
    ),
    (
        "Per guidelines, passive modalities (such as the heat wraps in this case) are not "
        "indicated for chronic pain.",
        "Passive modalities: heat wraps",
        None,
        NO_RULING,
    ),
    (
        "There is no documentation of red flags that would warrant a lumbar MRI.",
        "Lumbar MRI",
        None,
        NO_RULING,
    ),
    (
        "It is recommended that the patient see an audiologist first.",
        "Bilateral hearing aids",
        None,
        NO_RULING,
    ),
    (
        "Eight chiropractic visits for the lumbar spine were certified by the claims "
        "administrator.",
        "MRI of the lumbar spine",
        None,
        NO_RULING,
    ),
    # -- no ruling sentence: abstain, never a default
    ("Guidelines support the requested MRI for red flags.", "Lumbar MRI", None, NO_RULING),
    ("The records support surgery, which was certified.", "Cold therapy unit", None, NO_RULING),
    (
        "Should the patient fail conservative care, the request would be appropriate.",
        "Lumbar MRI",
        None,
        NO_RULING,
    ),
    (
        "Once the surgery has been approved, postoperative therapy will be medically necessary.",
        "Postoperative physical therapy",
        None,
        NO_RULING,
    ),
    (
        "Medical necessity for the concurrent surgery has not been established.",
        "Cold therapy unit",
        None,
        NO_RULING,
    ),
    (
        "The treating physician's notes indicate that the brace is medically necessary.",
        "Knee brace",
        None,
        NO_RULING,
    ),
    (
        "The request is medically necessary only if the patient has failed a trial of NSAIDs.",
        "Knee brace",
        None,
        NO_RULING,
    ),
    (
        "Guidelines recommend imaging only when red flags are present.",
        "Lumbar MRI",
        None,
        NO_RULING,
    ),
    (
        "MRI is recommended for patients with progressive neurologic deficit.",
        "Lumbar MRI",
        None,
        NO_RULING,
    ),
    (
        "If the surgery is certified, postoperative therapy would be appropriate.",
        "Postoperative physical therapy",
        None,
        NO_RULING,
    ),
    (
        "The concurrent request for surgery is medically necessary.",
        "Associated surgical service: cold therapy unit",
        None,
        NO_RULING,
    ),
    (
        "Six sessions were certified by the claims administrator on 01/05/2016.",
        "Physical therapy 12 sessions",
        None,
        NO_RULING,
    ),
    (
        'ODG notes: "A home exercise program is appropriate for most patients."',
        "Home exercise kit",
        None,
        NO_RULING,
    ),
    ("The records were reviewed in full.", "Home exercise kit", None, NO_RULING),
    ("", "Home exercise kit", None, NO_RULING),
    ("The only recommended topical NSAID is diclofenac.", "Ketoprofen cream", None, NO_RULING),
    # -- a past one of the item, another side, UR history, adjacent contradictions
    (
        "The lumbar MRI was medically necessary in 2012. The request for a lumbar MRI is not "
        "medically necessary.",
        "Lumbar MRI",
        UP,
        None,
    ),
    (
        "The previous request for Norco was certified. The current request for Norco 10/325 mg "
        "#60 is not medically necessary.",
        "Norco 10/325 mg #60",
        UP,
        None,
    ),
    (
        "Therefore, the request for Norco is not medically necessary. The last prescription of "
        "Norco was medically necessary.",
        "Norco 10/325 mg #60",
        UP,
        None,
    ),
    (
        "Therefore, the request for Norco is not medically necessary. The last prescription of "
        "Norco is medically necessary.",
        "Norco 10/325 mg #60",
        None,
        AMBIGUOUS,
    ),
    (
        "The prior lumbar epidural steroid injection is not medically necessary to repeat.",
        "Lumbar epidural steroid injection",
        None,
        AMBIGUOUS,
    ),
    (
        "Therefore, the prior denied lumbar MRI is medically necessary.",
        "Lumbar MRI",
        OV,
        None,
    ),
    (
        "The primary treating physician's request for physical therapy is not medically necessary.",
        "Physical therapy 12 sessions",
        UP,
        None,
    ),
    ("The knee brace for the other knee is medically necessary.", "Knee brace", None, AMBIGUOUS),
    (
        "The request for physical therapy is medically necessary. Utilization review certified 6 "
        "visits, and the request for the remaining 6 visits was non-certified.",
        "Physical therapy x 12",
        OV,
        None,
    ),
    (
        "The requested MRI is not medically necessary. The requested MRI is medically necessary.",
        "Lumbar MRI",
        None,
        AMBIGUOUS,
    ),
    (
        "The request is medically necessary for the acute flare. The request is not medically "
        "necessary.",
        "Physical therapy 12 sessions",
        UP,
        None,
    ),
    (
        "The request for physical therapy is medically necessary, while the request for a TENS "
        "unit is not.",
        "Physical therapy 12 sessions",
        OV,
        None,
    ),
    (
        "Physical therapy is medically necessary after surgery, while the requested 24 visits "
        "exceed the guideline.",
        "Physical therapy 24 visits",
        None,
        AMBIGUOUS,
    ),
    (
        "Therefore, the request for 6 sessions is medically necessary, as 6 of 12 were completed.",
        "Physical therapy 6 sessions",
        OV,
        None,
    ),
    # -- judging verbs with their own negation, "shown to be", trailing counts, other drugs
    (
        "This reviewer does not find the request for a lumbar brace to be medically necessary.",
        "Lumbar support brace",
        UP,
        None,
    ),
    ("I cannot consider the requested MRI medically necessary.", "Lumbar MRI", UP, None),
    (
        "I do not find the request for aquatic therapy to be medically unnecessary.",
        "Aquatic therapy 8 sessions",
        OV,
        None,
    ),
    (
        "The requested arthrogram has not been shown to be medically necessary.",
        "Right shoulder MRI arthrogram",
        UP,
        None,
    ),
    (
        "The request is medically necessary for 6 visits only.",
        "Chiropractic 8 visits for the lumbar spine",
        UP,
        None,
    ),
    ("The request is medically necessary for 1 course only.", "Medrol dose pack", OV, None),
    (
        "The request for trazodone is, however, medically necessary.",
        "Trazodone 50 mg #30",
        OV,
        None,
    ),
    (
        "The request for Norco 10/325 mg #90 is medically necessary. The request for Flexeril "
        "10 mg #60 is not medically necessary.",
        "Norco 10/325 mg #90",
        OV,
        None,
    ),
    (
        "The request for physical therapy is medically necessary. The request for a lumbar MRI "
        "is not medically necessary.",
        "Physical therapy 8 sessions",
        OV,
        None,
    ),
    # -- verbless rulings, a topic naming another item, comparisons, typos
    ("Not medically necessary.", "Norco 10/325 mg #60", UP, None),
    ("Thus, non-certified.", "Norco 10/325 mg #60", UP, None),
    ("Medically necessary.", "Celebrex 200 mg #30", OV, None),
    ("Medically necessary for the patient's recovery.", "Celebrex 200 mg #30", None, NO_RULING),
    (
        "The request for hydrocodone/APAP is medically necessary. Regarding the separately "
        "requested Flexeril 10 mg #60, there is no evidence of a flare, and that request is not "
        "medically necessary.",
        "Hydrocodone/APAP 10/325 mg #120",
        OV,
        None,
    ),
    (
        "The request for a home health aide is not medically necessary. A limited home health "
        "nursing visit request would be more consistent with the guidelines.",
        "Home health aide 8 hours per day",
        UP,
        None,
    ),
    ("Thus the tramadol is not medically neccessary.", "Tramadol 50 mg #120", UP, None),
    (
        "A walker with a seat is reasonable for this claimant and is medically necessary.",
        "Walker with seat",
        OV,
        None,
    ),
    # -- closing advice, a sibling named before the item, a sibling of the same category
    (
        "The request for Norco 10/325 mg #120 is not medically necessary. It is recommended the "
        "provider continue a slow taper of 10% per month.",
        "Norco 10/325 mg #120",
        UP,
        None,
    ),
    (
        "The requested cervical epidural steroid injection is medically necessary. The request "
        "for monitored anesthesia care for the epidural steroid injection is not supported.",
        "Cervical epidural steroid injection C6-7",
        OV,
        None,
    ),
    (
        "Thus this request for physical therapy is medically necessary. The request for "
        "chiropractic treatment, submitted on the same RFA, is not medically necessary.",
        "Physical therapy 6 visits for the cervical spine",
        OV,
        None,
    ),
    # -- a part or a sibling ruled right after a plain ruling, counts, exceptions, earlier judges
    (
        "The request for tramadol 50 mg #120 is not medically necessary. The request for a "
        "30-day weaning supply is medically necessary.",
        "Tramadol 50 mg #120",
        None,
        AMBIGUOUS,
    ),
    (
        "Continued physical therapy is medically necessary to address the deficits. Utilization "
        "review certified 6 visits, and the remaining 6 visits are not medically necessary.",
        "Physical therapy 12 visits",
        UP,
        None,
    ),
    (
        "The request for a one-month TENS rental is medically necessary, but not a purchase.",
        "TENS unit one month rental",
        OV,
        None,
    ),
    (
        "The request is medically necessary for the lumbar spine, but not the cervical spine.",
        "Physical therapy for the lumbar and cervical spine",
        UP,
        None,
    ),
    (
        "The UR reviewer found the request not medically necessary. However, the patient now has "
        "a foot drop, and the request is medically necessary.",
        "Lumbar MRI",
        OV,
        None,
    ),
    # -- a count as the subject, an exclusion, the other side of a paired item
    (
        "Of the 12 sessions requested, 6 are medically necessary.",
        "Physical therapy 12 sessions for the lumbar spine",
        UP,
        None,
    ),
    (
        "Other than the Norco, all of the requested medications are medically necessary.",
        "Norco 10/325 mg #120",
        None,
        NO_RULING,
    ),
    (
        "The right knee MRI is medically necessary. The left knee, by contrast, is "
        "asymptomatic, and the left knee MRI is not.",
        "Right knee MRI",
        OV,
        None,
    ),
    # a subject in words the item's text says but that name no service elsewhere
    (
        "No TENS trial is documented. The purchase is not medically necessary.",
        "TENS unit purchase",
        UP,
        None,
    ),
    (
        "A TENS trial gave relief. The purchase is medically necessary.",
        "TENS unit purchase",
        OV,
        None,
    ),
    ("The rental is not medically necessary.", "TENS unit purchase", None, NO_RULING),
    (
        "Further rental is not medically necessary.",
        "Continued TENS unit rental x 3 months",
        UP,
        None,
    ),
    # an infinitive decision event takes the negations of the words that govern it
    ("THERE IS NO BASIS TO OVERTURN THE PRIOR DETERMINATION.", "Soma 350mg #60", UP, None),
    (
        "There is insufficient evidence to overturn the original decision.",
        "Biofeedback 6 sessions",
        UP,
        None,
    ),
    (
        "There is ample evidence to overturn the original denial.",
        "Biofeedback 6 sessions",
        OV,
        None,
    ),
    # a modal predicate under a condition after it is hypothetical
    (
        "I would overturn the denial if there were documentation of a failed home exercise "
        "program; there is none.",
        "Gym membership x 6 months",
        None,
        NO_RULING,
    ),
    (
        "The requested Norco would be medically necessary for the acute postoperative period, "
        "except that the surgery has not been authorized.",
        "Norco 5/325mg #30",
        None,
        NO_RULING,
    ),
    # one side of an item of both sides: partial
    (
        "Viscosupplementation is medically necessary for the right knee only.",
        "Bilateral knee Synvisc injections",
        UP,
        None,
    ),
    (
        "Viscosupplementation is medically necessary for the right knee.",
        "Right knee Synvisc injection",
        OV,
        None,
    ),
    # the subject's nearest part names another treatment, or its head is negative
    (
        "Of the two studies requested, only the MRI is medically necessary.",
        "EMG bilateral lower extremities",
        None,
        NO_RULING,
    ),
    (
        "As the lumbar fusion is not medically necessary, none of the associated services, "
        "including preoperative medical clearance, are medically necessary.",
        "Preoperative medical clearance",
        UP,
        None,
    ),
    # a claim's content is reported
    (
        "The claim that the thoracic MRI is not medically necessary is not borne out by the "
        "records.",
        "Thoracic spine MRI",
        None,
        NO_RULING,
    ),
    (
        "A one-month trial of TENS was medically necessary at the time it was initiated.",
        "Continued TENS unit rental x 3 months",
        None,
        NO_RULING,
    ),
    # a denial noun heading the subject before the item's name: the predicate rules on the denial
    (
        "The non-certification of Tramadol ER 150mg #30 is supported.",
        "Tramadol ER 150mg #30",
        UP,
        None,
    ),
    (
        "The prior non-certification of Tramadol ER 150mg #30 is supported.",
        "Tramadol ER 150mg #30",
        UP,
        None,
    ),
    ("The UR denial of Tramadol ER 150mg #30 is not supported.", "Tramadol ER 150mg #30", OV, None),
    ("The non-certification of the lumbar MRI is appropriate.", "Lumbar MRI", UP, None),
    ("The denial of the Norco is not appropriate.", "Norco 10/325mg #90", OV, None),
    # a subject in plain words the item's text says, after "and"; the writer's "warranted"
    (
        "The trial gave no relief, and further rental is not medically necessary now.",
        "Continued TENS unit rental x 3 months",
        UP,
        None,
    ),
    ("Given the GI history, Celebrex is warranted.", "Celebrex 200mg #30", OV, None),
    (
        "Zolpidem is approved for the short-term treatment of insomnia.",
        "Ambien 10mg #30",
        None,
        NO_RULING,
    ),
    # a plain ruling after a lead-in, then the other way on this very request: a slip
    (
        "Given the above, the request for Norco 10/325mg #90 is not medically necessary. The "
        "request for Norco 10/325mg #90 is medically necessary.",
        "Norco 10/325mg #90",
        None,
        AMBIGUOUS,
    ),
    # a count of a part whose whole is the item's ("2x6" asks for 12)
    (
        "Authorization is recommended for 6 of the 12 visits requested.",
        "Physical therapy 2x6, lumbar spine",
        UP,
        None,
    ),
    # "No more than 4 ..." is a limit, ", consistent with MTUS" an adjunct: no ruling
    (
        "No more than 4 injections are requested for the session, consistent with MTUS.",
        "Trigger point injections x 4",
        None,
        NO_RULING,
    ),
    (
        "No more than 4 injections are medically necessary.",
        "Trigger point injections x 6",
        UP,  # partial: 4 of the 6
        None,
    ),
    # single quotes and "writes that" report the physician's words
    (
        "The treating physician writes that 'this medication is medically necessary.'",
        "Prilosec 20mg #30",
        None,
        NO_RULING,
    ),
    # a wh-clause or "as to which" is subordinate: its predicate is what is unexplained
    (
        "It is unclear why physical therapy is medically necessary.",
        "Eight physical therapy sessions for the neck",
        None,
        NO_RULING,
    ),
    (
        "There was no documentation explaining why physical therapy exceeding the guidelines is "
        "necessary.",
        "Eight physical therapy sessions for the neck",
        None,
        NO_RULING,
    ),
    (
        "The request did not specify the location as to which the shockwave therapy is being "
        "recommended.",
        "Extracorporeal shockwave therapy (ESWT)",
        None,
        NO_RULING,
    ),
    # an earlier plain ruling the other way on this very request, not just the one before
    (
        "The request is medically necessary. The patient already uses an over-the-counter rinse. "
        "Therefore, the request is not medically necessary.",
        "Fluoride gel",
        None,
        AMBIGUOUS,
    ),
    # a negated frame of showing or believing before "that" flips the clause it introduces
    ("I am not persuaded that the lumbar MRI is medically necessary.", "Lumbar MRI", UP, None),
    ("I am persuaded that the lumbar MRI is medically necessary.", "Lumbar MRI", OV, None),
    (
        "Nothing in the file suggests that the lumbar MRI is medically necessary.",
        "Lumbar MRI",
        UP,
        None,
    ),
    ("It does not follow that the lumbar MRI is medically necessary.", "Lumbar MRI", UP, None),
    (
        "The records fail to establish that the lumbar MRI is medically necessary.",
        "Lumbar MRI",
        UP,
        None,
    ),
    ("The records establish that the lumbar MRI is medically necessary.", "Lumbar MRI", OV, None),
    # another party's wish is reported
    ("The physician asks that the lumbar MRI be certified.", "Lumbar MRI", None, NO_RULING),
    (
        "This reviewer does not believe the lumbar MRI is medically necessary.",
        "Lumbar MRI",
        UP,
        None,
    ),
    ("This reviewer believes the lumbar MRI is medically necessary.", "Lumbar MRI", OV, None),
    (
        "The UR reviewer's belief that an FCE was not indicated overlooked the work plan.",
        "Functional capacity evaluation",
        None,
        NO_RULING,
    ),
    (
        "It is this reviewer's opinion that the functional capacity evaluation is medically "
        "necessary.",
        "Functional capacity evaluation",
        OV,
        None,
    ),
    # a definite class noun names the item when the item's treatment is of its class
    (
        "No functional benefit is recorded. The medication is not medically necessary.",
        "Ultram ER 100mg #30",
        UP,
        None,
    ),
    (
        "The procedure is indicated and medically necessary.",
        "Right carpal tunnel release",
        OV,
        None,
    ),
    ("The procedure is medically necessary.", "Ultram ER 100mg #30", None, NO_RULING),
    # a guideline's word coordinated with the writer's: the writer's ruling
    ("An occlusal guard is appropriate and medically necessary.", "Occlusal guard", OV, None),
    (
        "Office visits are recommended by ODG as determined to be medically necessary.",
        "Follow-up office visits x 6",
        None,
        NO_RULING,
    ),
    # a question asks; an earlier review's act is history
    (
        "Question: Does the request meet guideline criteria? Answer: No.",
        "Gym membership",
        None,
        NO_RULING,
    ),
    (
        "A prior IMR in 2022 overturned the denial of Lyrica. Since then no benefit is documented. "
        "Continued use is not medically necessary.",
        "Lyrica 75mg #60",
        UP,
        None,
    ),
    ("A prior IMR in 2022 overturned the denial of Lyrica.", "Lyrica 75mg #60", None, NO_RULING),
    ("The prior UR denial is overturned.", "Lyrica 75mg #60", OV, None),
    # a labelled verdict after a plain ruling the other way: a contradiction
    (
        "Given the benefit, meloxicam 15mg #30 is medically necessary. Final determination: not "
        "medically necessary.",
        "Meloxicam 15mg #30",
        None,
        AMBIGUOUS,
    ),
    # a review's findings (h/review of the day's rules, each was read the wrong way)
    (
        "I do not believe the request for physical therapy to be medically necessary.",
        "Physical therapy x12",
        UP,
        None,
    ),
    (
        "The records fail to establish that the patient has improved, so the request for physical "
        "therapy is not medically necessary.",
        "Physical therapy x12",
        UP,
        None,
    ),
    (
        "I do not think additional therapy will help her, so physical therapy is not medically "
        "necessary.",
        "Physical therapy x12",
        UP,
        None,
    ),
    (
        "The requested physical therapy is not, however, unwarranted.",
        "Physical therapy x12",
        OV,
        None,
    ),
    (
        "The request for bilateral L5-S1 transforaminal ESI is medically necessary due to "
        "left-sided radiculopathy confirmed on EMG.",
        "Bilateral L5-S1 transforaminal ESI",
        OV,
        None,
    ),
    (
        "After careful review of the original medical records, I overturn the denial.",
        "Physical therapy x12",
        OV,
        None,
    ),
    (
        "The request for 12 visits is not supported by MTUS. Given the complex repair, I would "
        "overturn the denial and recommend re-evaluation if progress stalls.",
        "Physical therapy x12",
        OV,
        None,
    ),
    (
        "The retrospective request for a urine drug screen is not supported by guidelines for "
        "low-risk patients. However, this patient was on high-dose opioids, and the urine drug "
        "screen was medically necessary at the time of service.",
        "Retrospective urine drug screen DOS 1/1/2014",
        OV,
        None,
    ),
    (
        "The request for 12 visits is not supported by MTUS. However, I reject the argument that "
        "further therapy is unnecessary; the request for physical therapy is medically necessary.",
        "Physical therapy x12",
        OV,
        None,
    ),
    (
        "Repeat imaging is not warranted in the absence of red flags. Red flags are present here.",
        "Repeat MRI lumbar spine",
        None,
        NO_RULING,
    ),
    (
        "Tramadol has given documented functional gains. The patient has also been prescribed Soma "
        "for more than a year. The medication is not medically necessary.",
        "Tramadol 50mg #120",
        None,
        NO_RULING,
    ),
    # blind pass 14: history "on a prior review"; an appeal letter's words; "further" beyond
    (
        "Carisoprodol was certified on a prior review in March for weaning. The medication was "
        "previously appropriate for weaning only and is no longer medically necessary.",
        "Soma 350mg #60",
        None,
        NO_RULING,
    ),
    (
        "The treating physician's appeal letter argues that a TENS unit is medically necessary. No "
        "trial is documented, and purchase of the unit is not supported.",
        "TENS unit purchase",
        None,
        NO_RULING,
    ),
    (
        "The request for six sessions is medically necessary; further sessions would not be "
        "medically necessary without documented functional improvement.",
        "Acupuncture 6 sessions cervical spine",
        OV,
        None,
    ),
    (
        "No benefit is documented. Continued use is not medically necessary.",
        "Norco 10/325mg #90",
        UP,
        None,
    ),
]


@pytest.mark.parametrize(
    ("ending", "item", "decision", "review"), HARD_ENDINGS, ids=[e[0][:40] for e in HARD_ENDINGS]
)
def test_hard_ending_is_read_or_abstains_with_a_reason(ending, item, decision, review):
    ruling = read_ruling(LEAD + ending if ending else ending, item)
    assert ruling.decision == decision, ruling
    assert ruling.review == review, ruling
    if decision is not None:
        assert ruling.sentence and ruling.sentence in LEAD + ending
    else:
        assert ruling.review in (NO_RULING, AMBIGUOUS)  # flagged, never a default


def test_there_are_at_least_forty_hard_endings():
    assert len(HARD_ENDINGS) >= 40
    assert {d for _, _, d, _ in HARD_ENDINGS} == {UP, OV, None}
