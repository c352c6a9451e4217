"""Adversarial hard endings for the ruling reader, written blind (h/adversary, issue 23).

Every rationale here is MADE UP (no real letter's text): the wording of other reviewers and eras
an outside evaluator may meet. Each case is (id, disputed item, rationale, answer): the answer a
careful human reads; None means no sentence rules on this item, so the reader must abstain. For
a case with an answer the reader may read it or abstain (flagged), never read the other way.
Cases the reader gets wrong with confidence today are xfail(strict=True) with the cause.
"""

from __future__ import annotations

import pytest

from pipeline.tagging.ruling import read_ruling, ruling_review

G_PT = (
    "MTUS recommends 9-10 visits over 8 weeks for myalgia and myositis, with a fading of "
    "treatment frequency to an independent home exercise program. "
)
G_MRI = (
    "ACOEM states that unequivocal objective findings that identify specific nerve "
    "compromise on the neurologic examination are sufficient evidence to warrant imaging. "
)
G_OP = (
    "The MTUS recommends ongoing review of pain relief, functional status, appropriate "
    "medication use and side effects for patients on opioids. "
)
F_NEG = "In this case, the records do not document objective functional improvement. "
F_POS = (
    "In this case, the records document a 40% reduction in pain and a return to modified "
    "work with this treatment. "
)

CASES = [
    (
        "certified",
        "Lumbar epidural steroid injection at L4-5",
        G_MRI + "The patient has a dermatomal sensory loss at L5 with a concordant MRI. Based on "
        "the documentation, the requested lumbar epidural steroid injection at L4-5 is certified.",
        "Overturned",
    ),
    (
        "non_certified",
        "Norco 10/325mg #120",
        G_OP + F_NEG + "Therefore, the requested Norco 10/325mg #120 is non-certified.",
        "Upheld",
    ),
    (
        "not_certified_words",
        "Norco 10/325mg #120",
        G_OP + F_NEG + "Therefore, the request for Norco 10/325mg #120 is not certified.",
        "Upheld",
    ),
    (
        "prior_ur_reversed",
        "Physical therapy x 6 visits",
        G_PT + F_POS + "The prior UR decision is reversed.",
        "Overturned",
    ),
    (
        "prior_ur_upheld",
        "Physical therapy x 6 visits",
        G_PT + F_NEG + "The prior utilization review decision is upheld.",
        "Upheld",
    ),
    (
        "necessity_established_bare",
        "TENS unit 30 day trial",
        "A one-month TENS trial is recommended as an adjunct to a program of functional "
        "restoration. " + F_POS + "Medical necessity has been established.",
        "Overturned",
    ),
    (
        "necessity_not_established_for",
        "TENS unit purchase",
        "A one-month TENS trial is recommended before purchase. There is no record of a trial. "
        "Medical necessity for the requested TENS unit has not been established.",
        "Upheld",
    ),
    (
        "appropriate_and_necessary",
        "Physical therapy 2x4 for the right shoulder",
        G_PT + "The patient is postoperative and has had no therapy. The requested physical "
        "therapy is appropriate and medically necessary.",
        "Overturned",
    ),
    (
        "cannot_be_recommended",
        "Chiropractic treatment x 8 sessions",
        "Manual therapy is recommended for chronic pain caused by musculoskeletal conditions. "
        + F_NEG
        + "Chiropractic care cannot be recommended as medically necessary at this time.",
        "Upheld",
    ),
    (
        "not_supported_at_this_time",
        "MRI of the cervical spine",
        G_MRI + "There are no neurologic deficits on examination. The request for an MRI of the "
        "cervical spine is not supported at this time.",
        "Upheld",
    ),
    (
        "conditional_after_ruling",
        "MRI of the lumbar spine",
        G_MRI + "The neurologic examination is normal. Therefore, the request for MRI of the "
        "lumbar spine is not medically necessary. A repeat MRI would be indicated if the patient "
        "developed progressive neurologic deficits.",
        "Upheld",
    ),
    (
        "conditional_only",
        "MRI of the lumbar spine",
        G_MRI + "The neurologic examination is normal. A lumbar MRI would be indicated if the "
        "patient developed progressive weakness.",
        None,
    ),
    (
        "hypothetical_should",
        "Physical therapy 12 additional sessions",
        G_PT + F_NEG + "Therefore, the request for 12 additional sessions is not medically "
        "necessary. Should the patient demonstrate objective functional gains, further sessions "
        "would be medically necessary.",
        "Upheld",
    ),
    (
        "guideline_quote_last",
        "Gabapentin 600mg #90",
        "The patient has documented radicular pain with a 50% reduction in pain on gabapentin. "
        "Therefore the request for gabapentin 600mg #90 is medically necessary. Note: ODG states "
        "that gabapentin is recommended for neuropathic pain.",
        "Overturned",
    ),
    (
        "guideline_quote_only",
        "Gabapentin 600mg #90",
        "The patient has burning pain in the feet. ODG states that gabapentin is recommended for "
        "painful diabetic neuropathy and postherpetic neuralgia.",
        None,
    ),
    (
        "other_item_ruled_last",
        "Tramadol 50mg #60",
        "The patient reports improved walking tolerance with tramadol. The request for tramadol "
        "50mg #60 is medically necessary. The request for Norco, however, is not medically "
        "necessary, as addressed separately.",
        "Overturned",
    ),
    (
        "other_item_ruled_last_2",
        "Cervical MRI",
        G_MRI + "There is a C6 sensory deficit. Therefore, the request for cervical MRI is "
        "medically necessary. The lumbar MRI request is not medically necessary for the reasons "
        "given above.",
        "Overturned",
    ),
    (
        "whereas_other_item",
        "MRI of the right knee",
        "The knee examination is benign and there is no mechanical locking. The requested "
        "follow-up visit is medically necessary, whereas the requested MRI is not.",
        "Upheld",
    ),
    (
        "gym_vs_home",
        "Gym membership x 6 months",
        "Gym memberships are not recommended unless a home program has failed and equipment is "
        "needed. A home exercise program is appropriate and medically necessary; the gym "
        "membership is not.",
        "Upheld",
    ),
    (
        "partial_colon",
        "Physical therapy x 12 visits",
        G_PT + F_POS + "The request is partially certified: 6 of 12 visits.",
        "Upheld",
    ),
    (
        "partial_for_n_of",
        "Physical therapy x 12 visits",
        G_PT + "Physical therapy is medically necessary for 6 of the requested 12 visits; the "
        "remaining visits are not.",
        "Upheld",
    ),
    (
        "modified_to",
        "Xanax 1mg #60",
        "Benzodiazepines are not recommended for long-term use. The request for Xanax 1mg #60 is "
        "modified to #30 for weaning purposes.",
        "Upheld",
    ),
    (
        "necessary_with_modification",
        "Acupuncture x 12 sessions",
        "Acupuncture is recommended for an initial trial of 3-6 treatments. Therefore, the "
        "request is medically necessary with modification to 6 sessions.",
        "Upheld",
    ),
    (
        "maximus_2013_not",
        "Lidoderm 5% patch #30",
        "1) MAXIMUS Federal Services, Inc. has determined the request for Lidoderm 5% patch #30 "
        "is not medically necessary and appropriate.",
        "Upheld",
    ),
    (
        "maximus_2013_yes",
        "Functional capacity evaluation",
        "1) MAXIMUS Federal Services, Inc. has determined the request for a functional capacity "
        "evaluation is medically necessary and appropriate.",
        "Overturned",
    ),
    (
        "cannot_say_not",
        "Acupuncture x 6",
        "The patient had a 30% improvement in function with the first 6 acupuncture sessions. "
        "It cannot be said that the request for acupuncture is not medically necessary.",
        "Overturned",
    ),
    (
        "not_unreasonable",
        "Home health aide 4 hours per day",
        "The patient is homebound after bilateral knee replacement and needs help with bathing. "
        "The request is not unreasonable and is medically necessary.",
        "Overturned",
    ),
    (
        "not_without_merit_however",
        "Home health aide 4 hours per day",
        "Home health services are recommended only for medical treatment for patients who are "
        "homebound. The request for the home health aide is not without merit; however, it is "
        "not medically necessary as submitted.",
        "Upheld",
    ),
    (
        "typo",
        "Flexeril 10mg #90",
        "Muscle relaxants are recommended for short-term use only. "
        + F_NEG
        + "Therefore the requst for Flexeril 10mg #90 is not medicaly necessary.",
        "Upheld",
    ),
    (
        "all_caps",
        "Lumbar fusion L4-S1",
        "There is no instability on flexion-extension films. THE REQUEST FOR LUMBAR FUSION L4-S1 "
        "IS NOT MEDICALLY NECESSARY.",
        "Upheld",
    ),
    (
        "all_caps_yes",
        "Lumbar fusion L4-S1",
        "There is grade II spondylolisthesis with instability. THE REQUEST FOR LUMBAR FUSION "
        "L4-S1 IS MEDICALLY NECESSARY.",
        "Overturned",
    ),
    (
        "trailing_weaning_note",
        "Ultram ER 150mg #30",
        G_OP + F_NEG + "Therefore, the request for Ultram ER 150mg #30 is not medically necessary. "
        "Weaning should occur per guidelines to avoid withdrawal.",
        "Upheld",
    ),
    (
        "trailing_follow_up_note",
        "Ultram ER 150mg #30",
        G_OP + F_POS + "Therefore, the request for Ultram ER 150mg #30 is medically necessary. The "
        "provider should continue to document objective functional gains.",
        "Overturned",
    ),
    (
        "trailing_recommended_note",
        "Interferential unit",
        "Interferential current is not recommended as an isolated intervention. The requested "
        "interferential unit is not medically necessary and is therefore not certified. It is "
        "noted that a home exercise program is recommended.",
        "Upheld",
    ),
    (
        "trailing_prior_request",
        "Lumbar facet injection",
        "Facet injections are not recommended with radicular findings. The patient has "
        "radiculopathy. Therefore, the request is not medically necessary. Of note, the prior "
        "request for a lumbar MRI was medically necessary and was authorized.",
        "Upheld",
    ),
    (
        "denial_overturned",
        "Omeprazole 20mg #60",
        "The patient is over 65 and takes daily naproxen. The denial is overturned.",
        "Overturned",
    ),
    (
        "noncert_overturned",
        "Omeprazole 20mg #60",
        "The patient is over 65 and takes daily naproxen. The non-certification is overturned.",
        "Overturned",
    ),
    (
        "noncert_supported",
        "Omeprazole 20mg #60",
        "There are no gastrointestinal risk factors. The UR non-certification is supported.",
        "Upheld",
    ),
    (
        "adverse_reversed_approved",
        "Omeprazole 20mg #60",
        "The patient is over 65 and takes daily naproxen. The adverse determination is reversed "
        "and the request is approved.",
        "Overturned",
    ),
    (
        "warranted",
        "Urine drug screen",
        G_OP + "There is no recent screen on record. The request is warranted.",
        "Overturned",
    ),
    (
        "not_warranted",
        "Omeprazole 20mg #60",
        "There are no gastrointestinal risk factors. Continued use of omeprazole is not warranted.",
        "Upheld",
    ),
    (
        "not_indicated",
        "Aquatic therapy x 12",
        "Aquatic therapy is recommended where reduced weight bearing is desirable. The patient is "
        "not obese. Consequently, the request for aquatic therapy x 12 is not indicated at this "
        "time.",
        "Upheld",
    ),
    (
        "reasonable_and_necessary",
        "Right knee arthroscopy",
        "The MRI shows a displaced bucket-handle tear with locking. Thus, the surgery is "
        "reasonable and necessary.",
        "Overturned",
    ),
    (
        "i_recommend_approval",
        "Cognitive behavioral therapy x 6",
        "The patient has depression secondary to chronic pain. I recommend that the request be "
        "approved.",
        "Overturned",
    ),
    (
        "i_recommend_noncert",
        "Cognitive behavioral therapy x 20",
        "An initial trial of 4 sessions is recommended. I recommend non-certification.",
        "Upheld",
    ),
    (
        "agree_prior_denial",
        "Cognitive behavioral therapy x 20",
        "An initial trial of 4 sessions is recommended. This reviewer agrees with the prior "
        "denial.",
        "Upheld",
    ),
    (
        "disagree_ur",
        "Cognitive behavioral therapy x 6",
        "The patient has depression secondary to chronic pain. I disagree with the UR "
        "determination; the request is appropriate.",
        "Overturned",
    ),
    (
        "therefore_denied",
        "Topical compound cream 240g",
        "Compounded creams containing at least one non-recommended drug are not recommended. The "
        "request does not meet guideline criteria and is therefore denied.",
        "Upheld",
    ),
    (
        "necessity_not_substantiated",
        "Topical compound cream 240g",
        "Compounded creams containing at least one non-recommended drug are not recommended. "
        "Given the above, the medical necessity of the request has not been substantiated.",
        "Upheld",
    ),
    (
        "no_medical_necessity_for",
        "Topical compound cream 240g",
        "Compounded creams containing at least one non-recommended drug are not recommended. "
        "There is no medical necessity for the requested compounded cream.",
        "Upheld",
    ),
    (
        "deemed_appropriate",
        "Norco 5/325mg #60",
        G_OP + F_POS + "The request for Norco is deemed medically appropriate.",
        "Overturned",
    ),
    (
        "retro_was_necessary",
        "Retrospective urine drug screen (DOS 3/4/15)",
        G_OP + "The patient was on opioids with no prior screen. The retrospective request for "
        "urine drug screening (DOS 3/4/15) was medically necessary.",
        "Overturned",
    ),
    (
        "noncert_recommended",
        "Lumbar brace",
        "Lumbar supports have not been shown to have lasting benefit beyond the acute phase. "
        "Non-certification of the request is recommended.",
        "Upheld",
    ),
    (
        "cert_recommended",
        "Lumbar brace",
        "The patient is 2 weeks after lumbar fusion. Certification of the requested brace is "
        "recommended.",
        "Overturned",
    ),
    (
        "not_approved",
        "Lumbar brace",
        "Lumbar supports have not been shown to have lasting benefit beyond the acute phase. The "
        "request fails to meet guideline criteria; as such, it is not approved.",
        "Upheld",
    ),
    (
        "records_support_necessity",
        "H-wave unit",
        "H-wave is recommended after a failed TENS trial. The patient failed a 30-day TENS trial. "
        "The medical records provided for review support the medical necessity of the requested "
        "H-wave unit.",
        "Overturned",
    ),
    (
        "documentation_not_support",
        "H-wave unit",
        "H-wave is recommended after a failed TENS trial. No TENS trial is documented. The "
        "documentation does not support the medical necessity of the request.",
        "Upheld",
    ),
    (
        "insufficient_evidence_to_support",
        "H-wave unit",
        "H-wave is recommended after a failed TENS trial. No TENS trial is documented. In summary, "
        "there is insufficient evidence to support the request.",
        "Upheld",
    ),
    (
        "opinion_of_reviewer",
        "Soma 350mg #60",
        "Carisoprodol is not recommended. It is the opinion of this reviewer that the requested "
        "medication is not medically necessary.",
        "Upheld",
    ),
    (
        "finds_necessary",
        "Soma 350mg #30",
        "The patient is in an acute flare and this is a 2-week course. This reviewer finds the "
        "request medically necessary.",
        "Overturned",
    ),
    (
        "neither_nor",
        "Soma 350mg #60",
        "Carisoprodol is not recommended. The request is neither medically necessary nor "
        "appropriate.",
        "Upheld",
    ),
    (
        "cannot_recommend_i",
        "Soma 350mg #60",
        "Carisoprodol is not recommended. Based on the guidelines and the records, I cannot "
        "recommend this request as medically necessary.",
        "Upheld",
    ),
    (
        "no_further",
        "Physical therapy x 8",
        G_PT + "The patient has completed 24 sessions. No further physical therapy is medically "
        "necessary.",
        "Upheld",
    ),
    (
        "none_of",
        "Physical therapy x 12",
        G_PT + "The patient has completed 24 sessions. None of the requested 12 sessions are "
        "medically necessary.",
        "Upheld",
    ),
    (
        "taper_clause",
        "Xanax 1mg #60",
        "Benzodiazepines are not recommended for long-term use. The request for Xanax 1mg #60 is "
        "not medically necessary; however, a taper is medically necessary to avoid withdrawal.",
        "Upheld",
    ),
    (
        "medically_unnecessary",
        "Physical therapy x 12",
        G_PT + "The patient has completed 24 sessions. The request is medically unnecessary.",
        "Upheld",
    ),
    (
        "clinically_appropriate",
        "Psychological evaluation",
        "A psychological evaluation is recommended before a spinal cord stimulator trial. The "
        "requested service is clinically appropriate.",
        "Overturned",
    ),
    (
        "overturning_previous_denial",
        "Psychological evaluation",
        "A psychological evaluation is recommended before a spinal cord stimulator trial. "
        "Therefore, I am overturning the previous denial.",
        "Overturned",
    ),
    (
        "upholding_modification",
        "Physical therapy x 12",
        G_PT + "I am upholding the UR modification.",
        "Upheld",
    ),
    (
        "not_consistent_cannot_approve",
        "Physical therapy x 12",
        G_PT + "The request is not consistent with guideline recommendations and cannot be "
        "approved.",
        "Upheld",
    ),
    (
        "at_this_time_reconsider",
        "Tylenol #3 #60",
        G_OP + F_NEG + "The request for Tylenol #3 #60 is not medically necessary at this time, "
        "but may be reconsidered with documentation of functional benefit.",
        "Upheld",
    ),
    (
        "ancillary_other_noun",
        "Ondansetron 8mg #20",
        "Antiemetics are recommended for postoperative nausea. Since the requested surgery is not "
        "medically necessary, the associated postoperative antiemetic is also not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "facts_only",
        "Ketoprofen cream",
        "Topical NSAIDs are recommended for osteoarthritis of joints amenable to topical "
        "treatment. In this case, there is no documentation of a failed trial of oral NSAIDs.",
        None,
    ),
    (
        "lowercase_no_period",
        "Physical therapy x 12",
        G_PT + "the request for physical therapy x 12 is not medically necessary",
        "Upheld",
    ),
    (
        "passive_approval_tense",
        "Physical therapy x 6",
        G_PT + F_POS + "As such, the request for 6 visits of physical therapy should be "
        "authorized.",
        "Overturned",
    ),
    (
        "should_not_be_authorized",
        "Physical therapy x 24",
        G_PT + "As such, the request for 24 visits of physical therapy should not be authorized.",
        "Upheld",
    ),
]

CASES += [
    (
        "two_quantities",
        "Norco 10/325mg #120",
        G_OP + "Therefore, the request for Norco 10/325mg #120 is not medically necessary and the "
        "request for Norco 10/325mg #60 is medically necessary.",
        "Upheld",
    ),
    (
        "neither_nor_items",
        "EMG bilateral lower extremities",
        "There are no neurologic findings. Neither the MRI nor the EMG is medically necessary.",
        "Upheld",
    ),
    (
        "both_items",
        "EMG bilateral lower extremities",
        "There is a new foot drop. Both the MRI and the EMG are medically necessary.",
        "Overturned",
    ),
    (
        "nor_is",
        "Cervical MRI",
        "There are no neurologic findings. The request for EMG/NCV of the bilateral upper "
        "extremities is not medically necessary, nor is the request for the cervical MRI.",
        "Upheld",
    ),
    (
        "at_quantity",
        "Lyrica 75mg #180",
        "Lyrica is recommended for neuropathic pain. The requested medication is not medically "
        "necessary at the quantity requested.",
        "Upheld",
    ),
    (
        "bare_drug_subject",
        "Lyrica 75mg #60",
        "Lyrica is recommended for neuropathic pain. " + F_POS + "Therefore, Lyrica 75mg #60 is "
        "medically necessary and appropriate.",
        "Overturned",
    ),
    (
        "guidelines_do_not_support_it",
        "Lyrica 75mg #60",
        "There is no neuropathic diagnosis. The guidelines do not support the request; therefore, "
        "it is not medically necessary.",
        "Upheld",
    ),
    (
        "while_generally_supported",
        "Urine drug screen",
        G_OP + "While the request for a urine drug screen is generally supported by guidelines, in "
        "this case it is not medically necessary because one was performed last month.",
        "Upheld",
    ),
    (
        "although_ur_said_not",
        "Urine drug screen",
        G_OP
        + "Although the request was not medically necessary per the UR reviewer, this reviewer "
        "finds it medically necessary.",
        "Overturned",
    ),
    (
        "ur_history_then_ruling",
        "Lumbar MRI",
        "The UR reviewer found the request not medically necessary. However, the patient now has "
        "a progressive foot drop, and the request is medically necessary.",
        "Overturned",
    ),
    (
        "ur_history_trailing",
        "Lumbar MRI",
        "The patient now has a progressive foot drop. The request is medically necessary. The UR "
        "reviewer had stated that the request was not medically necessary.",
        "Overturned",
    ),
    (
        "not_therefore_comma",
        "Lumbar MRI",
        G_MRI + "The examination is normal. The request is not, therefore, medically necessary.",
        "Upheld",
    ),
    (
        "therefore_comma_yes",
        "Lumbar MRI",
        G_MRI + "There is a foot drop. The request is, therefore, medically necessary.",
        "Overturned",
    ),
    (
        "no_indication_for",
        "Toradol injection",
        "Toradol is not indicated for minor or chronic painful conditions. There is no indication "
        "for the requested Toradol injection.",
        "Upheld",
    ),
    (
        "not_medically_indicated",
        "Toradol injection",
        "Toradol is not indicated for chronic painful conditions. The requested Toradol injection "
        "is not medically indicated.",
        "Upheld",
    ),
    (
        "necessity_not_supported",
        "Toradol injection",
        "Toradol is not indicated for chronic painful conditions. Medical necessity of the "
        "requested Toradol injection is not supported.",
        "Upheld",
    ),
    (
        "if_future_will_be",
        "Post-operative physical therapy x 12",
        "The requested surgery has not been certified. The request is not medically necessary at "
        "this time. If the patient undergoes surgery, post-operative therapy will be medically "
        "necessary.",
        "Upheld",
    ),
    (
        "counterfactual_had",
        "TENS unit purchase",
        "A one-month TENS trial is recommended before purchase. The request is not medically "
        "necessary. Had there been documentation of a successful TENS trial, the request would "
        "have been medically necessary.",
        "Upheld",
    ),
    (
        "counterfactual_only",
        "TENS unit purchase",
        "A one-month TENS trial is recommended before purchase. Had there been documentation of a "
        "successful TENS trial, the request would have been medically necessary.",
        "Upheld",
    ),
    (
        "would_be_reasonable_to_certify",
        "Physical therapy x 6",
        G_PT + F_POS + "It would be reasonable to certify the requested 6 sessions.",
        "Overturned",
    ),
    (
        "exceeds_therefore_not",
        "Post-op physical therapy x 18",
        "Guidelines support 12 visits after this surgery. The request for 18 sessions of post-op "
        "PT exceeds guideline recommendations and is therefore not medically necessary.",
        "Upheld",
    ),
    (
        "certified_for_only",
        "Physical therapy x 12",
        G_PT + "The request for physical therapy is certified for 6 sessions only, and the "
        "remaining 6 are non-certified.",
        "Upheld",
    ),
    (
        "necessary_only_in_part",
        "Physical therapy x 12",
        G_PT + "The request is medically necessary only in part.",
        "Upheld",
    ),
    (
        "ur_modification_appropriate",
        "Physical therapy x 12",
        G_PT + "The UR modification to 4 sessions is appropriate.",
        "Upheld",
    ),
    (
        "decision_to_deny_upheld",
        "Physical therapy x 12",
        G_PT + "The original UR decision to deny the request is upheld.",
        "Upheld",
    ),
    (
        "decision_to_deny_overturned",
        "Physical therapy x 6",
        G_PT + F_POS + "The decision to deny the request is overturned.",
        "Overturned",
    ),
    (
        "supported_therefore_necessary",
        "Acupuncture x 6",
        "Acupuncture is recommended for an initial trial of 3-6 treatments. The request for "
        "acupuncture x 6 is supported by the guidelines and is therefore medically necessary.",
        "Overturned",
    ),
    (
        "consistent_appropriate",
        "Acupuncture x 6",
        "Acupuncture is recommended for an initial trial of 3-6 treatments. The request is "
        "consistent with guideline recommendations and is appropriate.",
        "Overturned",
    ),
    (
        "not_reasonable",
        "Acupuncture x 24",
        "Acupuncture is recommended for an initial trial of 3-6 treatments. Based on the "
        "evidence-based guidelines, the request is not reasonable.",
        "Upheld",
    ),
    (
        "continued_use_not",
        "Norco 10/325mg #90",
        G_OP + F_NEG + "Continued use is not medically necessary.",
        "Upheld",
    ),
    (
        "guideline_recommended_as_option_only",
        "Urine drug screen",
        "Urine drug screening is recommended as an option to assess for the use or presence of "
        "illegal drugs.",
        None,
    ),
    (
        "decision_label",
        "Ambien 10mg #30",
        "Zolpidem is recommended for short-term treatment of insomnia. Decision: Not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "conclusion_label",
        "Ambien 10mg #15",
        "Zolpidem is recommended for short-term treatment of insomnia. Conclusion: The request is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "nonrestrictive_negative",
        "Ambien 10mg #30",
        "The patient has used zolpidem for 2 years. The requested medication, which is not "
        "recommended by ODG for long-term use, is not medically necessary.",
        "Upheld",
    ),
    (
        "nonrestrictive_history",
        "Ambien 10mg #30",
        "The patient has used zolpidem for 2 years. The requested medication, which was previously "
        "found medically necessary, is not medically necessary at this time.",
        "Upheld",
    ),
    (
        "without_prefix",
        "Norco 10/325mg #90",
        G_OP + "Without documentation of functional improvement, the request is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "with_prefix",
        "Norco 10/325mg #90",
        G_OP + "With documentation of functional improvement, the request is medically necessary.",
        "Overturned",
    ),
    (
        "need_not_established",
        "Hospital bed",
        "DME is recommended if there is a medical need. The need for the requested DME is not "
        "established.",
        "Upheld",
    ),
    (
        "overturned_conjoined",
        "Hospital bed",
        "The patient is bedbound. The request is reasonable and medically necessary, and the UR "
        "denial is overturned.",
        "Overturned",
    ),
    (
        "upheld_conjoined",
        "Hospital bed",
        "The patient is ambulatory. The request is not medically necessary, and the UR denial is "
        "upheld.",
        "Upheld",
    ),
    (
        "does_not_need",
        "Knee brace",
        "There is no ligamentous instability. The patient does not need the requested brace.",
        "Upheld",
    ),
    (
        "curly_contraction",
        "Norco 10/325mg #120",
        G_OP + "Therefore, the request for Norco 10/325mg #120 isn\u2019t medically necessary.",
        "Upheld",
    ),
    (
        "ascii_contraction",
        "Norco 10/325mg #120",
        G_OP + "Therefore, the request for Norco 10/325mg #120 isn't medically necessary.",
        "Upheld",
    ),
    (
        "caps_not",
        "Norco 10/325mg #120",
        G_OP + "Therefore, the request is NOT medically necessary.",
        "Upheld",
    ),
    (
        "per_mtus_semicolon",
        "Ambien 10mg #30",
        "Per MTUS, long-term use is not recommended; thus, the requested Ambien is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "necessity_established_for",
        "Ambien 10mg #15",
        "The patient has acute insomnia after surgery. Medical necessity for the request is "
        "established.",
        "Overturned",
    ),
    (
        "contradiction",
        "Ambien 10mg #15",
        "Zolpidem is recommended for short-term use. The request is medically necessary. The "
        "request is not medically necessary.",
        None,
    ),
    (
        "hyphen_linebreak",
        "Lumbar MRI",
        G_MRI + "The examination is normal. Therefore, the request is not medi- cally necessary.",
        "Upheld",
    ),
]

CASES += [
    (
        "uds_guideline_after_ruling",
        "Urine drug screen",
        "The patient had a negative screen two weeks ago. Therefore, the request is not medically "
        "necessary. Drug testing is recommended as an option to assess for the use or presence of "
        "illegal drugs.",
        "Upheld",
    ),
    (
        "tens_generic_only",
        "TENS unit",
        "The patient has chronic low back pain. A TENS unit is recommended for a one-month "
        "home-based trial as an adjunct to a program of functional restoration.",
        None,
    ),
]

# A second adversarial pass (made up, like every case here): the reviewer's own voice, a rule
# stated before its application, 'remaining' and 'only' that restate the request, a contrast
# clause, 'primary treating physician' after the service.
CASES += [
    (
        "this_reviewer_concluded",
        "Lumbar MRI",
        "There are no red flags. This reviewer concluded that the request is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "this_reviewer_determined_after_rule",
        "TENS unit purchase",
        "Purchase of a TENS unit is not medically necessary without a one-month trial. The "
        "records document a successful one-month rental trial with reduced medication use. "
        "This reviewer has determined that the request is medically necessary.",
        "Overturned",
    ),
    (
        "rule_then_application",
        "Lumbar MRI",
        "In the absence of red flags, an MRI is not medically necessary. In this case, there "
        "is a progressive foot drop, and the request is medically necessary.",
        "Overturned",
    ),
    (
        "other_service_rule_then_request",
        "Home health aide",
        "Homemaker services are not medically necessary. The requested home health aide is "
        "medically necessary for wound care.",
        "Overturned",
    ),
    (
        "service_then_amount",
        "Post-operative physical therapy 24 sessions",
        "Post-operative physical therapy is medically necessary. However, 24 sessions exceed "
        "the guideline recommendation, and the request is not medically necessary.",
        "Upheld",
    ),
    (
        "prior_study_then_repeat",
        "Lumbar MRI",
        "The prior lumbar MRI from 2014 was medically necessary. The repeat lumbar MRI is not "
        "medically necessary absent a change in symptoms.",
        "Upheld",
    ),
    (
        "remaining_in_subject",
        "Physical therapy x 6",
        "The request for the remaining 6 sessions is medically necessary.",
        "Overturned",
    ),
    (
        "remaining_after_for",
        "Physical therapy x 6",
        "The requested physical therapy for the remaining 6 is medically necessary.",
        "Overturned",
    ),
    (
        "one_visit_only",
        "Pain management consultation x1",
        "The request is medically necessary for 1 visit only.",
        "Overturned",
    ),
    (
        "one_time_only",
        "Toradol 60 mg IM injection",
        "The request is medically necessary for a 1 time only administration.",
        "Overturned",
    ),
    (
        "one_course_only",
        "Medrol dose pack",
        "The request is medically necessary for 1 course only.",
        "Overturned",
    ),
    (
        "guideline_months_only",
        "Physical therapy x 12",
        "The request is medically necessary, as guidelines allow 24 visits over 16 weeks for "
        "6 months only after this surgery.",
        "Overturned",
    ),
    (
        "whereas_initial_trial",
        "Acupuncture 12 sessions",
        "The request exceeds the recommended trial, whereas an initial trial of acupuncture "
        "is medically necessary.",
        "Upheld",
    ),
    (
        "whereas_would_be",
        "Lumbar MRI",
        "The request is not medically necessary at this time, whereas it would be medically "
        "necessary should the deficit progress.",
        "Upheld",
    ),
    (
        "primary_treating_physician",
        "Lumbar MRI",
        "Therefore, the request for MRI by the primary treating physician is medically necessary.",
        "Overturned",
    ),
    (
        "prescribed_by_primary",
        "Norco 10/325 mg #120",
        "The Norco prescribed by the primary treating physician is not medically necessary.",
        "Upheld",
    ),
]

# A third pass (made up): concessive 'while', reported words followed by this reviewer's clause,
# 'remaining N' that is no partial, contrast clauses, two items in adjacent sentences, 'the other
# knee'.
CASES += [
    (
        "while_concessive_mid",
        "Lumbar MRI",
        "Therefore, while the patient reports ongoing pain, the request is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "while_concessive_after_rule",
        "Physical therapy x 12",
        G_PT + "Physical therapy is medically necessary for this diagnosis. The patient has had "
        "24 prior visits. Therefore, while physical therapy is indicated, the request for "
        "12 additional sessions is not medically necessary.",
        "Upheld",
    ),
    (
        "while_request_reasonable",
        "Physical therapy x 12",
        "In this case, while the request for physical therapy is reasonable, the "
        "requested 12 sessions exceed the guideline recommendation and are not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "ur_noted_then_ruling_and",
        "TENS unit purchase",
        "Purchase of a TENS unit is not medically necessary without a documented "
        "one-month trial. The UR reviewer noted that there was no documented trial, but "
        "the records include a 30-day rental trial with reduced medication use, and the "
        "request is therefore medically necessary.",
        "Overturned",
    ),
    (
        "ur_noted_semicolon",
        "TENS unit purchase",
        "The UR reviewer noted that there was no documented trial; however, the records "
        "include a 30-day rental trial, and the request is medically necessary.",
        "Overturned",
    ),
    (
        "remaining_within_period",
        "Post-operative physical therapy x 12",
        "The request for 12 additional visits is medically necessary, and the remaining "
        "12 visits are within the post-surgical treatment period.",
        "Overturned",
    ),
    (
        "remaining_days_needed",
        "Home health aide 4 hours/day x 14 days",
        "The request is medically necessary, and the remaining 14 days are needed for wound care.",
        "Overturned",
    ),
    (
        "contrast_ur_modification",
        "Physical therapy x 6",
        "The request for physical therapy x 6 is medically necessary, whereas the UR "
        "modification to 3 sessions was not appropriate.",
        "Overturned",
    ),
    (
        "contrast_prior_modified",
        "Acupuncture x 6",
        "The request for acupuncture x 6 is medically necessary, whilst the prior request "
        "for 12 sessions was modified to 6.",
        "Overturned",
    ),
    (
        "two_items_adjacent",
        "Norco 10/325mg #60",
        G_OP + "The request for Soma 350mg #90 is not medically necessary. The request for Norco "
        "10/325mg #60 is medically necessary.",
        "Overturned",
    ),
    (
        "ur_found_then_ruling",
        "Lumbar MRI",
        "The UR reviewer found the request not medically necessary because there were no "
        "red flags. The requested MRI is medically necessary given the new foot drop.",
        "Overturned",
    ),
    (
        "without_trial_then_case",
        "TENS unit purchase",
        "Without a documented trial, the request is not medically necessary. In this "
        "case, a 30-day rental trial reduced medication use, and the request is medically "
        "necessary.",
        "Overturned",
    ),
    (
        "contrast_rules_when_main_does_not",
        "Physical therapy x 12",
        "Physical therapy is medically necessary for this condition. The patient has "
        "completed 24 visits, whereas the current request for 12 additional visits is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "physician_says_and_that",
        "Physical therapy x 6",
        "The treating physician states that the patient has improved, and that the request is "
        "medically necessary. The records show no objective improvement.",
        None,
    ),
    (
        "other_knee",
        "Physical therapy right knee x 6",
        "Physical therapy for the right knee is medically necessary given the recent "
        "arthroscopy. Physical therapy for the other knee is not medically necessary, as "
        "there is no industrial injury to it.",
        "Overturned",
    ),
    (
        "other_shoulder",
        "MRI left shoulder",
        "An MRI of the left shoulder is medically necessary given the suspected tear. An "
        "MRI of the other shoulder is not medically necessary.",
        "Overturned",
    ),
]

# Two more adversarial passes (made up): reported words of the UR, the treating physician, the
# patient and the guidelines with the writer's own turn after them, contrast clauses that
# carry a partial approval, history or another item, two-item letters.
CASES += [
    (
        "ur_therefore_trailing",
        "Physical therapy x 6",
        "The request for physical therapy x 6 is medically necessary. The UR reviewer "
        "stated that there was no documented functional improvement and therefore the "
        "request was not medically necessary; however, the progress note of 3/1/2014 "
        "documents a 40% improvement in function.",
        "Overturned",
    ),
    (
        "ur_comma_therefore_trailing",
        "Physical therapy x 6",
        "The request for physical therapy x 6 is medically necessary. The prior reviewer "
        "determined that there was no documented improvement, and therefore the request "
        "was not medically necessary, but the progress notes document a 40% improvement.",
        "Overturned",
    ),
    (
        "md_states_and_needed",
        "MRI lumbar spine",
        "The MRI of the lumbar spine is not medically necessary. The treating physician "
        "states that the patient's pain has increased, and the MRI is medically necessary "
        "to rule out a disc herniation; however, there are no new neurologic deficits on "
        "examination.",
        "Upheld",
    ),
    (
        "md_states_and_notes_that",
        "MRI lumbar spine",
        "There are no red flags on examination. The treating physician states that the "
        "pain is 8/10, and notes that the MRI is medically necessary to rule out a "
        "herniation.",
        None,
    ),
    (
        "patient_reports_so",
        "Norco 10/325mg #120",
        "There is no documentation of functional improvement or urine drug screens. The "
        "patient reports that Norco helps, so he feels the medication is necessary.",
        None,
    ),
    (
        "guideline_however_maintenance",
        "Chiropractic care x 6",
        "The patient has had 18 chiropractic visits with documented improvement in "
        "function and a return to work. The request for 6 additional visits is medically "
        "necessary. MTUS states that manual therapy is recommended for chronic low back "
        "pain; however, elective/maintenance care is not medically necessary.",
        "Overturned",
    ),
    (
        "guideline_but_further_treatment",
        "Acupuncture x 6",
        "The request for acupuncture x 6 is medically necessary as an initial trial. The "
        "guidelines state that an initial trial of 3-6 treatments is recommended, but "
        "further acupuncture is not medically necessary without documented functional "
        "improvement.",
        "Overturned",
    ),
    (
        "guideline_thus",
        "TENS unit purchase",
        "The requested TENS unit purchase is not medically necessary. ODG states that a "
        "one-month home-based trial may be considered, and the TENS unit is medically "
        "necessary only if the trial shows benefit.",
        "Upheld",
    ),
    (
        "ur_determined_and_certified",
        "Physical therapy x 12",
        "The patient has completed 24 visits without documented improvement. Utilization "
        "review determined that the request was not medically necessary, and the request "
        "for 6 visits was certified.",
        None,
    ),
    (
        "md_opines_therefore_last",
        "Lumbar epidural steroid injection L4-5",
        "The records do not document radiculopathy on examination. The treating physician "
        "opined that the patient has radicular pain and therefore the injection is "
        "medically necessary.",
        None,
    ),
    (
        "patient_reports_but",
        "Gabapentin 600mg #90",
        "Gabapentin 600mg #90 is medically necessary. The patient reports that gabapentin "
        "causes drowsiness, but that it is necessary for her to sleep.",
        "Overturned",
    ),
    (
        "physician_requests_whereas",
        "Physical therapy x 12",
        "The requested physical therapy x 12 is not medically necessary. The physician "
        "states that the patient needs more therapy, whereas the requested 12 visits are "
        "appropriate in his opinion.",
        "Upheld",
    ),
    (
        "guideline_whereas_request",
        "Physical therapy x 12",
        "Guidelines recommend 9-10 visits for myalgia, whereas the requested 12 visits "
        "would be appropriate only after surgery.",
        None,
    ),
    (
        "ur_contrast_request_history",
        "Physical therapy x 12",
        "The request for physical therapy x 12 is medically necessary following the "
        "surgery. The UR reviewer certified 6 visits, whereas the request for the "
        "remaining 6 visits was non-certified.",
        "Overturned",
    ),
    (
        "contrast_request_was",
        "Physical therapy x 12",
        "The request for physical therapy x 12 is medically necessary. The patient was "
        "approved for 6 visits in 2013, while the request for 12 visits in 2014 was "
        "denied.",
        "Overturned",
    ),
    (
        "two_item_guideline_but",
        "Norco 10/325mg #60",
        "The request for Norco 10/325mg #60 is medically necessary. Guidelines state that "
        "muscle relaxants are recommended for short-term use, but the request for Soma "
        "350mg #90 is not medically necessary.",
        "Overturned",
    ),
    (
        "two_item_contrast_request",
        "Norco 10/325mg #60",
        "The patient has documented improvement with Norco. Norco is indicated, whereas "
        "the request for Soma 350mg #90 is not medically necessary.",
        "Overturned",
    ),
    (
        "contrast_request_other_item",
        "Norco 10/325mg #60",
        "The patient has documented improvement with Norco, whereas the request for Soma "
        "is not medically necessary.",
        None,
    ),
    (
        "partial_guideline_but",
        "Physical therapy x 12",
        "Guidelines recommend 9-10 visits, but 6 of the 12 requested visits are medically "
        "necessary.",
        "Upheld",
    ),
    (
        "prior_reviewer_certified_and",
        "Acupuncture x 12",
        "The prior reviewer determined that 6 sessions were medically necessary, and the "
        "remaining 6 sessions were non-certified. The request for 12 sessions is "
        "medically necessary given the documented improvement.",
        "Overturned",
    ),
    (
        "maint_then_supported",
        "Chiropractic care x 6",
        "MTUS states that manual therapy is recommended for chronic low back pain; "
        "however, elective/maintenance care is not medically necessary. The patient had 6 "
        "visits with a 50% improvement in function and returned to work. Therefore, the "
        "request is supported.",
        "Overturned",
    ),
    (
        "maint_then_cert_words",
        "Chiropractic care x 6",
        "MTUS states that manual therapy is recommended for chronic low back pain; "
        "however, elective/maintenance care is not medically necessary. The patient had 6 "
        "visits with a 50% improvement in function. The requested 6 additional visits are "
        "consistent with the guidelines and are certified.",
        "Overturned",
    ),
    (
        "maint_only_guideline",
        "Chiropractic care x 6",
        "The patient has had 24 visits. MTUS states that manual therapy is recommended "
        "for chronic low back pain; however, elective/maintenance care is not medically "
        "necessary. ",
        None,
    ),
    (
        "odg_notrec_but_may",
        "Repeat MRI lumbar spine",
        "ODG states that repeat MRI is not routinely recommended, but repeat MRI is "
        "medically necessary when there is a significant change in symptoms. The patient "
        "has new foot drop.",
        None,
    ),
    (
        "guideline_recommend_but_only",
        "Acupuncture x 12",
        "Guidelines recommend acupuncture as an option, but only 3-6 treatments are "
        "medically necessary for an initial trial.",
        "Upheld",
    ),
    (
        "guideline_consequently",
        "Norco 10/325mg #120",
        "Guidelines state that opioids should be discontinued if there is no functional "
        "improvement; consequently, continued Norco is not medically necessary.",
        "Upheld",
    ),
    (
        "ur_deemed_but_now",
        "Lumbar MRI",
        "The UR reviewer deemed that the MRI was not medically necessary, but new "
        "neurologic deficits are now documented, and the MRI is medically necessary.",
        "Overturned",
    ),
    (
        "ur_opined_thus_history",
        "Physical therapy x 12",
        "The request is medically necessary given the recent surgery. The UR reviewer had "
        "opined that the patient had completed sufficient therapy and thus the request "
        "was not medically necessary.",
        "Overturned",
    ),
    (
        "md_feels_and_request_last",
        "Home health aide 4 hours/day",
        "The patient is independent in self-care. The treating physician feels that the "
        "patient needs assistance, and the requested home health aide is medically "
        "necessary in his opinion.",
        None,
    ),
    (
        "patient_reports_hence",
        "TENS unit purchase",
        "The patient reports that the TENS unit reduces her pain by 50%; hence the TENS "
        "unit is medically necessary.",
        "Overturned",
    ),
    (
        "guideline_semicolon_ruling",
        "TENS unit purchase",
        "Guidelines state that a one-month trial is required before purchase; the records "
        "document no such trial, and the TENS unit purchase is not medically necessary.",
        "Upheld",
    ),
    (
        "guideline_although_ruling",
        "TENS unit purchase",
        "Guidelines state that TENS is not recommended as a primary treatment, although "
        "the request is medically necessary here as an adjunct to a documented home "
        "exercise program.",
        "Overturned",
    ),
    (
        "contrast_main_partial",
        "Physical therapy x 12",
        "Six sessions of physical therapy are medically necessary, whereas the remaining "
        "6 sessions are not.",
        "Upheld",
    ),
    (
        "contrast_request_exceeds",
        "Physical therapy x 12",
        "Physical therapy is medically necessary for this post-operative patient, while "
        "the requested 12 visits exceed the guideline recommendation of 10.",
        "Upheld",
    ),
    (
        "contrast_while_concessive_after",
        "Norco 10/325mg #120",
        "The requested Norco is not medically necessary, while the patient's request for "
        "pain relief is understandable.",
        "Upheld",
    ),
    (
        "contrast_request_past_noncert",
        "Norco 10/325mg #60",
        "The patient now has documented functional improvement, whereas the prior request "
        "was non-certified for lack of a pain agreement. The request for Norco 10/325mg "
        "#60 is medically necessary.",
        "Overturned",
    ),
    (
        "contrast_request_in_mainless_end",
        "Norco 10/325mg #60",
        "The request for Norco 10/325mg #60 is medically necessary. A weaning taper had "
        "been recommended, whereas the original request for #120 was not medically "
        "necessary.",
        "Overturned",
    ),
    (
        "contrast_request_whilst_could",
        "Physical therapy x 6",
        "The patient has plateaued, whilst the request could be appropriate after surgery.",
        None,
    ),
    (
        "and_so_conclusion",
        "Physical therapy x 6",
        "Guidelines allow 10 visits for this condition, and the patient has completed 4, "
        "so the request for 6 visits is medically necessary.",
        "Overturned",
    ),
    (
        "ur_found_and_that_history",
        "Physical therapy x 6",
        "The request is medically necessary. The UR reviewer found that there was no "
        "improvement, and that the request was therefore not medically necessary.",
        "Overturned",
    ),
    (
        "ur_certified_and_noncert",
        "Physical therapy x 12",
        "The request for physical therapy is medically necessary. The UR certified 6 "
        "visits, and the request for the remaining 6 visits was non-certified.",
        "Overturned",
    ),
    (
        "norco_whereas_soma_nec",
        "Norco 10/325mg #60",
        "Norco is medically necessary, whereas the request for Soma 350mg #90 is not "
        "medically necessary.",
        "Overturned",
    ),
    (
        "p_whereas_remaining_are_not",
        "Physical therapy x 12",
        "Six sessions of physical therapy are medically necessary, whereas the remaining "
        "6 sessions are not.",
        "Upheld",
    ),
    (
        "p_while_remaining_not_nec",
        "Physical therapy x 12",
        "Six visits are medically necessary, while the remaining 6 visits are not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "p_request_whereas_remaining",
        "Physical therapy x 12",
        "The request is medically necessary for 6 visits, whereas the remaining 6 visits "
        "are not medically necessary.",
        "Upheld",
    ),
    (
        "p_whereas_additional",
        "Acupuncture x 12",
        "An initial trial of 6 sessions is medically necessary, whereas the additional 6 "
        "sessions are not supported.",
        "Upheld",
    ),
    (
        "p_whereas_quantity",
        "Norco 10/325mg #120",
        "Norco 10/325mg #60 is medically necessary for weaning, whereas the requested #120 is not.",
        "Upheld",
    ),
    (
        "p_whereas_rest_noncert",
        "Physical therapy x 12",
        "Six sessions are certified, whereas the other 6 sessions are non-certified.",
        "Upheld",
    ),
    (
        "p_semicolon_remaining",
        "Physical therapy x 12",
        "Six sessions of physical therapy are medically necessary; the remaining 6 "
        "sessions are not.",
        "Upheld",
    ),
    (
        "md_states_therefore_semicolon",
        "Physical therapy x 12",
        "The request is not medically necessary. The treating physician states that the "
        "patient remains symptomatic; therefore, additional therapy is medically "
        "necessary in his opinion.",
        "Upheld",
    ),
    (
        "guideline_text_and",
        "Physical therapy x 12",
        "The request for physical therapy x 12 is not medically necessary. ODG allows 10 "
        "visits over 8 weeks, and physical therapy is medically necessary for acute "
        "flare-ups.",
        "Upheld",
    ),
    (
        "ur_and_then_imr",
        "Lumbar MRI",
        "The UR reviewer determined that there were no red flags, and the MRI was not "
        "medically necessary.",
        None,
    ),
    (
        "a11_concessive_while_wrongway",
        "Physical therapy x 12",
        G_PT + "Physical therapy is medically necessary for this diagnosis. The patient has had "
        "24 prior visits. Therefore, while physical therapy is indicated, the request for "
        "12 additional sessions is not medically necessary.",
        "Upheld",
    ),
    (
        "a12_while_patient_improved",
        "Lumbar MRI",
        "There are no red flags. In this case, while the patient reports ongoing pain, "
        "the request is not medically necessary.",
        "Upheld",
    ),
    (
        "a13_while_tramadol_appropriate",
        "Norco 10/325mg #120",
        G_OP + "The records do not document functional improvement. Therefore, while continued "
        "opioid therapy may be appropriate, the request for Norco 10/325mg #120 is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "a14_while_trial_certified_then",
        "Acupuncture x 12",
        "Acupuncture is recommended for an initial trial of 3-6 treatments. In this case, "
        "while an initial trial of acupuncture is recommended, the request for 12 "
        "sessions exceeds this and is not medically necessary.",
        "Upheld",
    ),
    (
        "b8_ur_had_stated_and_agree",
        "Lumbar MRI",
        "ACOEM recommends imaging for red flags. The examination is normal. The UR "
        "reviewer had stated that there were no red flags, and the request is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "b9_ur_noted_comma_however",
        "Physical therapy x 6",
        G_PT + "The request is not medically necessary without documented improvement. The UR "
        "reviewer noted that there was no documented improvement; however, the progress "
        "notes document a 40% improvement, and the request is medically necessary.",
        "Overturned",
    ),
    (
        "c4_remaining_visits_appropriate",
        "Physical therapy x 12",
        G_PT + "The patient has completed 12 of 24 post-surgical visits. The request is "
        "medically necessary, as the remaining 12 visits are within guidelines.",
        "Overturned",
    ),
    (
        "c5_remaining_after_therefore",
        "Physical therapy x 12",
        "The patient was authorized 24 visits and attended 12. The request for 12 visits "
        "is medically necessary; the remaining 12 are still within the post-surgical "
        "period.",
        "Overturned",
    ),
    (
        "e7_other_requested_medication",
        "Norco 10/325mg #60",
        G_OP + "The requested Soma is not medically necessary. The other requested medication, "
        "Norco, is medically necessary given documented improvement.",
        "Overturned",
    ),
    (
        "e8_primary_treating_request",
        "Lumbar MRI",
        "There is a progressive foot drop. The primary treating physician's request for a "
        "lumbar MRI is medically necessary.",
        "Overturned",
    ),
    (
        "e9_previously_denied_request_for",
        "Lumbar MRI",
        "There is a new foot drop. Therefore, the previously denied request for a lumbar "
        "MRI is medically necessary.",
        "Overturned",
    ),
    (
        "e10_prior_denied_mri",
        "Lumbar MRI",
        "In the absence of red flags, imaging is not recommended. There is a new foot "
        "drop. Therefore, the prior denied lumbar MRI is medically necessary.",
        "Overturned",
    ),
]

# A fourth pass (made up), against the start of the day's reader: 'primary treating physician's
# request', remainders that are not denied, the UR's words and the reviewer's own after them.
CASES += [
    (
        "pass4_1_0",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. The patient completed 12 prior sessions "
        "without documented functional gains. The prior reviewer determined that the "
        "request was not medically necessary, and this reviewer agrees.",
        "Upheld",
    ),
    (
        "pass4_1_1",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. The initial 6 sessions of physical therapy "
        "were medically necessary. The UR reviewer found that the additional 12 sessions "
        "were not medically necessary, and I concur with that determination.",
        "Upheld",
    ),
    (
        "pass4_1_2",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. Physical therapy is medically necessary "
        "for acute flare-ups. The utilization review determined that the request was not "
        "medically necessary, which is upheld.",
        "Upheld",
    ),
    (
        "pass4_1_3",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. The UR physician noted that the patient "
        "had completed 24 sessions, but that further therapy was not medically necessary. "
        "This reviewer disagrees, as the patient had a new injury. The request is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass4_1_4",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. The UR physician noted that the patient "
        "had completed 24 sessions, but that further therapy was not medically necessary. "
        "This reviewer disagrees, as the patient had a new injury.",
        "Overturned",
    ),
    (
        "pass4_1_5",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. The prior reviewer noted that the patient "
        "had improved, but the request exceeds guidelines. Therefore, the request is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass4_1_6",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. The prior reviewer noted that the patient "
        "had improved; however, the request for 12 sessions is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_1_7",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. The prior reviewer noted that the request "
        "was medically necessary; however, this was modified to 6 sessions. The request "
        "for 12 sessions is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_1_8",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. The UR reviewer stated that the request "
        "was not medically necessary; however, the guidelines support a trial. Therefore, "
        "the request is medically necessary.",
        "Overturned",
    ),
    (
        "pass4_1_9",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. The UR reviewer stated that physical "
        "therapy was not medically necessary; however, the rationale is not supported by "
        "the records, and the request is medically necessary.",
        "Overturned",
    ),
    (
        "pass4_1_10",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. The previous determination found that the "
        "request was medically necessary, but only for 6 visits, and the remaining 6 were "
        "not certified. The request for 12 visits is therefore not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_1_11",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The prior reviewer modified the request to 6 sessions. The UR physician opined "
        "that 12 sessions were excessive, but 6 sessions were medically necessary. This "
        "reviewer agrees that the request for 12 sessions is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_1_12",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The UR physician opined that 12 sessions were excessive, but 6 sessions were "
        "medically necessary.",
        None,
    ),
    (
        "pass4_1_13",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The request is not medically necessary. The UR physician opined that 12 sessions "
        "were excessive, but 6 sessions were medically necessary.",
        "Upheld",
    ),
    (
        "pass4_1_14",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Therefore the request is not medically necessary. The original determination "
        "concluded that the request was medically necessary in part, but the remaining 6 "
        "sessions were not.",
        "Upheld",
    ),
    (
        "pass4_1_15",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The earlier decision found that the therapy was medically necessary, however the "
        "request for 12 sessions exceeds guidelines and is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_1_16",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The request is medically necessary. The initial review had stated that the "
        "request was not medically necessary because no functional deficits were "
        "documented, however this is contradicted by the records.",
        "Overturned",
    ),
    (
        "pass4_1_17",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. The patient has had 6 sessions, while the "
        "guidelines allow 10. Therefore, the request for 12 sessions is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass4_1_18",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. Therefore, the request for physical "
        "therapy is medically necessary, while the request for massage is not.",
        "Overturned",
    ),
    (
        "pass4_1_19",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. Therefore, the request for physical "
        "therapy is not medically necessary, while a home exercise program is "
        "appropriate.",
        "Upheld",
    ),
    (
        "pass4_1_20",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. Therefore, the request for physical "
        "therapy is not medically necessary, while home exercise is recommended.",
        "Upheld",
    ),
    (
        "pass4_1_21",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. The request for physical therapy is not "
        "medically necessary at this time, while the patient continues a home exercise "
        "program.",
        "Upheld",
    ),
    (
        "pass4_1_22",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. Physical therapy was medically necessary "
        "after the surgery, while the current request is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_1_23",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. Therefore, the request for 12 sessions is "
        "not medically necessary, whereas 6 sessions would be supported.",
        "Upheld",
    ),
    (
        "pass4_1_24",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. The request for 12 sessions is not "
        "medically necessary, whereas 6 sessions are medically necessary and were already "
        "certified.",
        "Upheld",
    ),
    (
        "pass4_1_25",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. As such, the request is not medically "
        "necessary, while the remaining 4 sessions are not supported either.",
        "Upheld",
    ),
    (
        "pass4_1_26",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. As such, the request is medically "
        "necessary, while the remaining 2 sessions were not yet used.",
        "Overturned",
    ),
    (
        "pass4_1_27",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. The request is medically necessary, "
        "whereas the remaining 6 visits are not.",
        "Upheld",
    ),
    (
        "pass4_1_28",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. As such, 6 sessions are medically "
        "necessary, whereas the remaining 6 are not.",
        "Upheld",
    ),
    (
        "pass4_1_29",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The patient has completed 6 of 12 certified sessions and the remaining 6 are not "
        "yet scheduled. Therefore, the request is medically necessary.",
        "Overturned",
    ),
    (
        "pass4_1_30",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The remaining 6 sessions are not sufficient to complete the program. Therefore, "
        "the request for 12 sessions is medically necessary.",
        "Overturned",
    ),
    (
        "pass4_1_31",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Given that the remaining 6 sessions were not used, the request for 12 additional "
        "sessions is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_1_32",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The request for 12 sessions is medically necessary since the remaining 4 visits "
        "were not authorized previously.",
        "Overturned",
    ),
    (
        "pass4_1_33",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The request is medically necessary, as the remaining 3 visits were not completed "
        "due to surgery.",
        "Overturned",
    ),
    (
        "pass4_1_34",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Therefore, the request is medically necessary because the remaining 6 sessions "
        "were not used before the authorization expired.",
        "Overturned",
    ),
    (
        "pass4_1_35",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The remaining 6 sessions are not excessive, and the request is medically necessary.",
        "Overturned",
    ),
    (
        "pass4_1_36",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The request is medically necessary and the remaining 6 are not in excess of guidelines.",
        "Overturned",
    ),
    (
        "pass4_1_37",
        "Physical therapy 12 sessions for bilateral knees",
        "The patient has bilateral knee osteoarthritis. Physical therapy for the right "
        "knee is medically necessary. Physical therapy for the other knee is not "
        "medically necessary, as it was not examined.",
        "Upheld",
    ),
    (
        "pass4_1_38",
        "MRI of bilateral knees",
        "The MRI of the left knee is medically necessary given the mechanical symptoms. "
        "The MRI of the other knee is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_1_39",
        "Left knee arthroscopy",
        "The patient has a torn meniscus of the left knee. The arthroscopy of the "
        "opposite knee was medically necessary last year. Therefore, the request for left "
        "knee arthroscopy is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_1_40",
        "Right shoulder MRI",
        "The contralateral shoulder MRI is medically necessary. The request for the right "
        "shoulder MRI is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_1_41",
        "Right shoulder MRI",
        "The request for the right shoulder MRI is not medically necessary. The "
        "contralateral shoulder MRI is medically necessary.",
        "Upheld",
    ),
    (
        "pass4_1_42",
        "Knee brace",
        "The knee brace for the other knee is medically necessary.",
        None,
    ),
    (
        "pass4_1_43",
        "Knee brace for the left knee",
        "The patient has instability of the left knee. The knee brace for the left knee "
        "is not medically necessary. The knee brace for the other knee would be medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass4_1_44",
        "Physical therapy 12 sessions",
        "The patient has improved. The request for physical therapy is medically "
        "necessary for the acute flare. Therefore, the primary treating physician's "
        "request for physical therapy is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_1_45",
        "Physical therapy 12 sessions",
        "The records show gains with therapy; the treating physician's request for "
        "physical therapy is medically necessary. Prior physical therapy is not medically "
        "necessary to repeat.",
        "Overturned",
    ),
    (
        "pass4_1_46",
        "Physical therapy 12 sessions",
        "The patient has not improved. Physical therapy was medically necessary in the "
        "past. Therefore the primary treating physician's request for 12 sessions of "
        "physical therapy is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_1_47",
        "Norco 10/325 mg #60",
        "Norco is medically necessary for weaning. The last prescription of Norco 10/325 "
        "mg is not medically necessary.",
        None,
    ),
    (
        "pass4_1_48",
        "Norco 10/325 mg #60",
        "The patient has failed NSAIDs. The previous prescription of Norco was medically "
        "necessary. Therefore, continued Norco is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_1_49",
        "Norco 10/325 mg #60",
        "Norco is medically necessary for weaning only. Therefore, the primary treating "
        "physician's request for Norco 10/325 mg #60 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_1_50",
        "Lumbar epidural steroid injection",
        "A repeat injection may be medically necessary with 50% relief. The prior lumbar "
        "epidural steroid injection was not medically necessary... Therefore, the "
        "requested lumbar epidural steroid injection is medically necessary.",
        "Overturned",
    ),
    (
        "pass4_1_51",
        "Lumbar epidural steroid injection",
        "The requested lumbar epidural steroid injection is medically necessary. The "
        "prior lumbar epidural steroid injection did not provide relief and is not "
        "medically necessary to repeat.",
        None,
    ),
    (
        "pass4_1_52",
        "Lumbar epidural steroid injection",
        "The first injection gave 70% relief for 8 weeks. The requested lumbar epidural "
        "steroid injection is medically necessary. The past lumbar epidural steroid "
        "injection is not medically necessary to consider.",
        "Overturned",
    ),
    (
        "pass4_2_0",
        "Physical therapy 12 sessions",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia, with fading of treatment "
        "frequency to a home exercise program. Physical therapy was medically necessary "
        "after the 2019 surgery. The records do not show functional improvement. "
        "Therefore, the primary treating physician's request for physical therapy is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass4_2_1",
        "Physical therapy 12 sessions",
        "The patient had 24 sessions. The records show no objective improvement from "
        "those sessions. The primary treating physician's request for additional physical "
        "therapy is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_2_2",
        "Acupuncture 6 sessions",
        "Acupuncture was medically necessary for the initial trial in 2020. There is no "
        "documented functional improvement since. Therefore, the primary treating "
        "physician's request for acupuncture is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_2_3",
        "Acupuncture 6 sessions",
        "Acupuncture is medically necessary when pain medication is reduced or not "
        "tolerated. Here, the patient tolerates medication. As such, the primary treating "
        "physician's request for 6 acupuncture sessions is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_2_4",
        "Acupuncture 6 sessions",
        "Acupuncture is medically necessary when pain medication is reduced or not "
        "tolerated. As such, the primary treating physician's request for 6 acupuncture "
        "sessions is medically necessary.",
        "Overturned",
    ),
    (
        "pass4_2_5",
        "Tramadol 50 mg #90",
        "Tramadol was medically necessary in the acute phase. As such, the prior "
        "prescribing physician's request for tramadol is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_2_6",
        "MRI of the lumbar spine",
        "An MRI is medically necessary with red flags. There are no red flags. Therefore, "
        "the primary treating physician's request for an MRI of the lumbar spine is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass4_2_7",
        "Lumbar MRI",
        "An MRI is medically necessary with red flags. There are no red flags. Therefore, "
        "the primary treating physician's request for an MRI is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_2_8",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The initial 6 sessions were medically necessary. The UR reviewer found that the "
        "additional sessions were not medically necessary, and I agree.",
        "Upheld",
    ),
    (
        "pass4_2_9",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Physical therapy was medically necessary post-operatively. The utilization "
        "review physician noted that the request exceeded guidelines and was not "
        "medically necessary. This reviewer agrees with that determination.",
        "Upheld",
    ),
    (
        "pass4_2_10",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Prior therapy was medically necessary. The prior reviewer found that the request "
        "was not medically necessary. I agree with the prior reviewer.",
        "Upheld",
    ),
    (
        "pass4_2_11",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Physical therapy was medically necessary after surgery. The original "
        "determination found that the request was not medically necessary and should be "
        "upheld.",
        "Upheld",
    ),
    (
        "pass4_2_12",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The prior physical therapy was medically necessary. The UR determination found "
        "that the request was not medically necessary, and that determination is upheld.",
        "Upheld",
    ),
    (
        "pass4_2_13",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The 6 sessions certified in March were medically necessary. The previous "
        "reviewer concluded that further sessions were not medically necessary, and this "
        "reviewer concurs.",
        "Upheld",
    ),
    (
        "pass4_2_14",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The UR reviewer found that the request was not medically necessary, and I agree.",
        "Upheld",
    ),
    (
        "pass4_2_15",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Treatment was medically necessary at the outset. The earlier review concluded "
        "that the request for 12 more sessions is not medically necessary, a conclusion "
        "with which I agree.",
        "Upheld",
    ),
    (
        "pass4_2_16",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The request is medically necessary; the remaining 6 sessions were not completed "
        "because of a flare.",
        "Overturned",
    ),
    (
        "pass4_2_17",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Therefore, the request for 12 sessions is medically necessary, and the remaining "
        "6 sessions are not expected to exceed guidelines.",
        "Overturned",
    ),
    (
        "pass4_2_18",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The patient is progressing, so the request is medically necessary because 6 were "
        "completed and the remaining 6 were not.",
        "Overturned",
    ),
    (
        "pass4_2_19",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Therefore, the request for the remaining 6 sessions is medically necessary, "
        "since the remaining 6 were not previously used.",
        "Overturned",
    ),
    (
        "pass4_2_20",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Therefore, the request for 6 sessions is medically necessary to complete the "
        "course, as 6 of 12 were completed and the remaining 6 were not.",
        "Overturned",
    ),
    (
        "pass4_2_21",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The request is medically necessary in order to complete the program, of which "
        "the remaining 6 visits were not used.",
        "Overturned",
    ),
    (
        "pass4_2_22",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The request is medically necessary, while the remaining 6 sessions of the prior "
        "authorization were not used due to surgery.",
        "Overturned",
    ),
    (
        "pass4_2_23",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Therefore, the request is medically necessary, whilst the remaining 4 visits "
        "were not able to be scheduled.",
        "Overturned",
    ),
    (
        "pass4_2_24",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The request is medically necessary, whereas the remaining 6 from the prior "
        "authorization were not used.",
        "Overturned",
    ),
    (
        "pass4_2_25",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Therefore, the request is medically necessary, while it would be appropriate to "
        "transition to home exercise afterwards.",
        "Overturned",
    ),
    (
        "pass4_2_26",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The request is not medically necessary, while a short course would be medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass4_2_27",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The request is medically necessary, while the patient would not be a candidate "
        "for surgery.",
        "Overturned",
    ),
    (
        "pass4_2_28",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "As such, the request is not medically necessary, while the patient may continue "
        "his home exercise program.",
        "Upheld",
    ),
    (
        "pass4_2_29",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "As such, the request is not medically necessary, while it is noted that the "
        "patient has pain.",
        "Upheld",
    ),
    (
        "pass4_2_30",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The request is medically necessary, while prior therapy was not effective for the neck.",
        "Overturned",
    ),
    (
        "pass4_2_31",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The request is medically necessary, while the request for a TENS unit is not "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass4_2_32",
        "Left knee MRI",
        "The patient has a known tear of the other knee. The request for the left knee "
        "MRI is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_2_33",
        "MRI of the knee",
        "The MRI of the knee is not medically necessary. The MRI of the opposite knee was "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass4_2_34",
        "Knee injection",
        "The injection for the other knee was medically necessary. Therefore, the knee "
        "injection is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_3_0",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The request is medically necessary. The remaining 6 sessions were not completed "
        "because of a flare.",
        "Overturned",
    ),
    (
        "pass4_3_1",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The request is medically necessary, and the remaining 6 were not used.",
        "Overturned",
    ),
    (
        "pass4_3_2",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Therefore, the request for 6 additional sessions is medically necessary, as the "
        "prior authorization expired and the remaining 6 sessions were not used.",
        "Overturned",
    ),
    (
        "pass4_3_3",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Therefore, the request is medically necessary to allow completion of the "
        "original 12 sessions; the remaining 6 visits were not provided due to a "
        "scheduling issue.",
        "Overturned",
    ),
    (
        "pass4_3_4",
        "Chiropractic treatment 6 visits",
        "Manipulation was medically necessary for the initial trial. Therefore, the "
        "primary treating physician's request for chiropractic treatment is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass4_3_5",
        "Chiropractic treatment 6 visits",
        "Chiropractic care was medically necessary in 2021 with documented gains. "
        "Therefore, the previous request for chiropractic treatment being renewed now is "
        "medically necessary.",
        None,
    ),
    (
        "pass4_3_6",
        "Cervical epidural steroid injection",
        "An epidural injection was medically necessary in 2019. The past epidural steroid "
        "injection gave 60% relief for 10 weeks. Therefore, the other physician's request "
        "for a cervical epidural steroid injection is medically necessary.",
        "Overturned",
    ),
    (
        "pass4_3_7",
        "Naproxen 550 mg #60",
        "NSAIDs are medically necessary for osteoarthritis. Therefore, the primary "
        "treating physician's prescription of naproxen is not medically necessary.",
        "Upheld",
    ),
    (
        "pass4_3_8",
        "Naproxen 550 mg #60",
        "Naproxen is medically necessary for acute flares. There is no flare documented. "
        "Therefore, the primary treating physician's request for naproxen is not "
        "medically necessary.",
        "Upheld",
    ),
]


# Pass 5 (h/adversary, 2026-12-07), written blind against the rules of that day: "prior",
# "last", "other" in subjects, the UR's acts, years, "as N of M" clauses, while-clauses, adjacent
# plain sentences, and the realistic endings where those rules could misfire.
CASES += [
    (
        "pass5_A01",
        "Repeat lumbar epidural steroid injection L5-S1",
        "Repeat injections are supported when the prior block produced at least 50% relief "
        "for six to eight weeks. The patient reported 70% relief lasting ten weeks with "
        "reduced medication use. Therefore, the request for a repeat of the prior lumbar "
        "epidural steroid injection is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_A02",
        "Repeat lumbar epidural steroid injection L5-S1",
        "The records do not document the degree or duration of relief. The prior lumbar "
        "epidural steroid injection is not medically necessary to repeat.",
        "Upheld",
    ),
    (
        "pass5_A03",
        "MRI of the lumbar spine",
        "The claimant now has a new foot drop and progressive weakness. The prior "
        "authorization request for an MRI of the lumbar spine is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_A04",
        "Physical therapy 6 sessions",
        "The patient completed 12 sessions with no objective gains documented. The request "
        "for physical therapy, in light of the previous 12 sessions, is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass5_A05",
        "Physical therapy 6 sessions",
        "Guidelines allow for fading of treatment frequency plus active self-directed home "
        "therapy. The request for 6 additional sessions after the previous 12 sessions of "
        "physical therapy is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_A06",
        "Norco 10/325 mg #90",
        "There is no documentation of a signed pain agreement, urine drug screening or "
        "objective functional improvement. The last prescription of Norco was not "
        "medically necessary, and the current request for Norco 10/325 mg #90 is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass5_A07",
        "Norco 10/325 mg #90",
        "The treating physician documented a 40% reduction in pain and improved walking "
        "tolerance, with consistent urine drug screens. The request for a refill of the "
        "Norco prescribed at the last visit is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_A08",
        "Left knee brace",
        "The patient has documented ligamentous instability of the left knee on "
        "examination. A brace was already provided for the right knee. The request for the "
        "knee brace for the other knee is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_A09",
        "Omeprazole 20 mg #60",
        "The patient is over 65 and takes naproxen daily, placing her at intermediate risk "
        "for gastrointestinal events. The request for a concurrent prescription of "
        "omeprazole 20 mg #60 is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_A10",
        "TENS unit 30 day rental",
        "The TENS unit is recommended as an adjunct to a program of evidence-based "
        "functional restoration. The request for the TENS unit, in conjunction with other "
        "modalities, is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_A11",
        "Acupuncture 6 sessions",
        "The claimant has had 12 prior acupuncture visits without documented functional "
        "improvement. Therefore, the request for acupuncture, given the past acupuncture "
        "sessions, is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_A12",
        "Cervical MRI",
        "The primary treating physician documented progressive upper extremity numbness "
        "and a positive Spurling sign. The primary treating physician's request for a "
        "cervical MRI is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_A13",
        "Lumbar MRI",
        "New neurological deficits are now documented. The previously denied lumbar MRI is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass5_A14",
        "Lumbar MRI",
        "New neurological deficits are now documented. The previously requested lumbar MRI "
        "is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_A15",
        "Functional capacity evaluation",
        "The patient is close to maximum medical improvement and a return to work is being "
        "planned. The primary treating physician's request for a functional capacity "
        "evaluation is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_A16",
        "Physical therapy 8 sessions",
        "The initial course of physical therapy was medically necessary and appropriate. "
        "The patient has now completed 24 sessions without measurable progress. The "
        "request for additional therapy beyond the previous 24 sessions is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass5_A17",
        "Physical therapy 6 sessions",
        "Additional physical therapy is not medically necessary without documented "
        "functional improvement. In this case, the patient improved her lifting tolerance "
        "from 10 to 25 pounds. The request for 6 more sessions beyond the previous 12 is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass5_A18",
        "Chiropractic treatment 6 visits",
        "The patient had a flare-up after a period of improvement. Guidelines support 1-2 "
        "visits every 4-6 months for flare-ups when return to work has been achieved. The "
        "request for chiropractic care following the earlier course of treatment is not "
        "medically necessary, as the patient has not returned to work.",
        "Upheld",
    ),
    (
        "pass5_A19",
        "Repeat left L4-5 transforaminal epidural steroid injection",
        "The patient reported 60% relief for 8 weeks following the previous injection, "
        "with a reduction in opioid use. Therefore, the request for a repeat injection, "
        "given the response to the previous injection, is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_A20",
        "Cyclobenzaprine 7.5 mg #60",
        "Muscle relaxants are recommended only for short-term use. The patient has been "
        "taking cyclobenzaprine for over a year. Continued use of cyclobenzaprine beyond "
        "the previous prescription is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_A21",
        "Home health aide 4 hours per day",
        "The patient is homebound after the hip replacement and needs assistance with "
        "wound care. The request for home health services, unlike the other services "
        "previously requested, is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_A22",
        "Urine drug screen",
        "The patient is on chronic opioid therapy and is at moderate risk for aberrant "
        "behavior. The last urine drug screen was performed more than a year ago. The "
        "request for a urine drug screen is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_A23",
        "Urine drug screen",
        "The patient is low risk and was tested two months ago. The last urine drug screen "
        "was consistent. Therefore, the request for a urine drug screen is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass5_A24",
        "Lidoderm patches #30",
        "Topical lidocaine is recommended for localized peripheral neuropathic pain after "
        "a trial of first-line therapy. There is no evidence of a failed trial of an "
        "antidepressant or anticonvulsant. The request for Lidoderm patches, like the "
        "other topical products, is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_B01",
        "Physical therapy 12 visits",
        "Utilization review certified 6 visits, and the request for the remaining 6 visits "
        "was non-certified. The records document only modest gains. Therefore, the request "
        "for 12 visits of physical therapy is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_B02",
        "Physical therapy 12 visits",
        "Utilization review certified 6 visits, but the patient has since shown steady "
        "functional gains with documented improvements in range of motion. Therefore, the "
        "request for 12 visits of physical therapy is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_B03",
        "Physical therapy 12 visits",
        "Utilization review modified the request to 6 visits, and I agree with that determination.",
        "Upheld",
    ),
    (
        "pass5_B04",
        "Physical therapy 12 visits",
        "Utilization review modified the request to 6 visits, and the modification is upheld.",
        "Upheld",
    ),
    (
        "pass5_B05",
        "Lumbar MRI",
        "Utilization review denied the request, and this decision is overturned.",
        "Overturned",
    ),
    (
        "pass5_B06",
        "Lumbar MRI",
        "Utilization review non-certified the request, and this reviewer disagrees with "
        "that determination.",
        "Overturned",
    ),
    (
        "pass5_B07",
        "Lumbar MRI",
        "Utilization review non-certified the request, but in light of the new "
        "documentation of foot drop, the request is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_B08",
        "Lumbar MRI",
        "The utilization review physician non-certified the request due to the absence of "
        "neurological findings. Those findings are now documented. Therefore, the lumbar "
        "MRI is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_B09",
        "Physical therapy 12 visits",
        "As utilization review certified 6 visits, the remaining 6 visits are not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass5_B10",
        "Physical therapy 12 visits",
        "Utilization review certified 6 visits, which is appropriate, and the remaining 6 "
        "visits are not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_B11",
        "Tramadol 50 mg #120",
        "The claims administrator denied the request on the grounds that there was no "
        "documented functional benefit. The current records show improved activities of "
        "daily living and a consistent urine drug screen. Therefore, the request for "
        "tramadol 50 mg #120 is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_B12",
        "Tramadol 50 mg #120",
        "Utilization review approved a weaning quantity, and the request for the full "
        "quantity was denied. I agree. The request for tramadol 50 mg #120 is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass5_B13",
        "Aquatic therapy 8 sessions",
        "UR has certified 4 sessions; however, the patient is morbidly obese and cannot "
        "tolerate land-based therapy, so the request for 8 sessions of aquatic therapy is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass5_B14",
        "Aquatic therapy 8 sessions",
        "UR has certified 4 sessions; the request for 8 sessions of aquatic therapy is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass5_B15",
        "Psychological evaluation",
        "The carrier denied the request and the request is not supported by the records.",
        "Upheld",
    ),
    (
        "pass5_B16",
        "Psychological evaluation",
        "The patient has developed depressive symptoms and sleep disturbance secondary to "
        "chronic pain. The insurer denied the request for lack of a referral rationale, "
        "but the referral note clearly states the reasons. The request for a psychological "
        "evaluation is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_B17",
        "Physical therapy 12 visits",
        "Therefore, the request for the 6 visits beyond what utilization review certified "
        "is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_C01",
        "Repeat MRI of the lumbar spine",
        "A repeat MRI is not routinely recommended and should be reserved for a "
        "significant change in symptoms. In this case, the patient has developed new "
        "weakness in the extensor hallucis longus. The request for a repeat MRI of the "
        "lumbar spine is medically necessary given the new deficits since the last study "
        "in 2019.",
        "Overturned",
    ),
    (
        "pass5_C02",
        "Repeat MRI of the lumbar spine",
        "A repeat MRI is not medically necessary absent a significant change in symptoms. "
        "The patient has new foot drop. The request for a repeat lumbar MRI is medically "
        "necessary due to the new deficits that developed after the fusion in 2019.",
        "Overturned",
    ),
    (
        "pass5_C03",
        "Urine drug screen",
        "The patient remains on Norco and the last urine drug screen was performed in "
        "2021. The request for a urine drug screen is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_C04",
        "Urine drug screen",
        "The request for a urine drug screen is medically necessary, with the last test "
        "performed in 2021.",
        "Overturned",
    ),
    (
        "pass5_C05",
        "Norco 10/325 mg #120",
        "The patient has been on Norco since the injury without objective functional "
        "improvement. The request for Norco 10/325 mg #120 is not medically necessary for "
        "this patient injured in 2012.",
        "Upheld",
    ),
    (
        "pass5_C06",
        "TENS unit purchase",
        "The patient completed a one-month trial with documented reduction in medication "
        "use. The request for purchase of a TENS unit is medically necessary per the ODG "
        "updated in 2019.",
        "Overturned",
    ),
    (
        "pass5_C07",
        "Lumbar fusion L4-5",
        "The lumbar fusion was found medically necessary in 2019 by a prior IMR, but the "
        "current records show no instability and no progression. The request for lumbar "
        "fusion L4-5 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_C08",
        "Lumbar fusion L4-5",
        "The requested lumbar fusion L4-5 was not medically necessary in 2019. Since then, "
        "the patient has developed spondylolisthesis with documented instability on "
        "flexion-extension films. The request for lumbar fusion L4-5 is medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass5_C09",
        "Right knee arthroscopy",
        "The request for right knee arthroscopy is not medically necessary in 2024 given "
        "the advanced osteoarthritis documented on the recent radiographs.",
        "Upheld",
    ),
    (
        "pass5_C10",
        "Home exercise kit",
        "A home exercise program is recommended by the MTUS updated in 2016. The request "
        "for a home exercise kit is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_D01",
        "Physical therapy 6 additional visits",
        "The patient has shown good progress with therapy so far. The request for 6 "
        "additional visits is medically necessary, as 6 of 12 were completed with "
        "improvement.",
        "Overturned",
    ),
    (
        "pass5_D02",
        "Physical therapy 6 additional visits",
        "The patient has shown good progress with therapy so far. The request for 6 "
        "additional visits is medically necessary, as only 6 of the 12 recommended visits "
        "have been completed.",
        "Overturned",
    ),
    (
        "pass5_D03",
        "Physical therapy 6 additional visits",
        "The patient has shown good progress with therapy so far. The request for 6 "
        "additional visits is medically necessary, with 6 of 12 visits completed to date.",
        "Overturned",
    ),
    (
        "pass5_D04",
        "Physical therapy 6 additional visits",
        "The patient has shown good progress with therapy so far. The request for 6 "
        "additional visits is medically necessary, as 6 of the 12 approved visits have "
        "been completed with documented functional gains.",
        "Overturned",
    ),
    (
        "pass5_D05",
        "Physical therapy 6 visits",
        "Utilization review certified 6 of the 12 prescribed visits, and the remaining 6 "
        "were disputed. The request for the remaining 6 of the 12 prescribed visits is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass5_D06",
        "Polysomnography",
        "The patient has excessive daytime somnolence, cataplexy-like symptoms and morning "
        "headaches. Therefore, the requested polysomnography is medically necessary, with "
        "4 of the 6 ODG criteria met.",
        "Overturned",
    ),
    (
        "pass5_D07",
        "Polysomnography",
        "The requested polysomnography is medically necessary, satisfying 3 of the 4 "
        "criteria listed in the guidelines.",
        "Overturned",
    ),
    (
        "pass5_D08",
        "Physical therapy 12 sessions",
        "The request for 12 sessions is not medically necessary, as 6 of 12 were completed "
        "without any objective benefit.",
        "Upheld",
    ),
    (
        "pass5_D09",
        "Physical therapy 12 sessions",
        "Guidelines support 9-10 visits. Therefore, the request is medically necessary for "
        "6 of the 12 sessions.",
        "Upheld",
    ),
    (
        "pass5_D10",
        "Norco 10/325 mg #60",
        "The patient has documented functional benefit and no aberrant behavior. The "
        "request for Norco 10/325 mg #60, to be taken up to 2 times daily, is medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass5_D11",
        "Tramadol 50 mg #60",
        "The patient reports a 30% improvement in pain with increased walking tolerance. "
        "The request for tramadol 50 mg #60 is medically necessary, to be used no more "
        "than twice daily.",
        "Overturned",
    ),
    (
        "pass5_D12",
        "TENS unit one month rental",
        "Criteria for a one-month trial are met. The request for a one-month TENS rental "
        "is medically necessary, but not a purchase at this time.",
        "Overturned",
    ),
    (
        "pass5_D13",
        "Acupuncture 6 sessions",
        "The patient reports functional improvement after the initial trial. The request "
        "for acupuncture is medically necessary, with only 3 of the 6 trial sessions "
        "completed so far.",
        "Overturned",
    ),
    (
        "pass5_E01",
        "Physical therapy 12 sessions",
        "Guidelines recommend 9-10 visits over 8 weeks for myalgia. The request for 12 "
        "sessions exceeds the guideline recommendation. Therefore, the request for "
        "physical therapy is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_E02",
        "Physical therapy 12 sessions",
        "Although the request exceeds the guideline recommendation, the patient is "
        "post-operative with significant deficits. The request for 12 sessions of physical "
        "therapy is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_E03",
        "Norco 10/325 mg #120",
        "The request for Norco is not medically necessary, while the patient continues to "
        "work full duty without restriction.",
        "Upheld",
    ),
    (
        "pass5_E04",
        "TENS unit 30 day rental",
        "The request for a TENS unit is medically necessary, while the patient "
        "participates in a home exercise program.",
        "Overturned",
    ),
    (
        "pass5_E05",
        "Home exercise kit",
        "The patient has been instructed in a home program. The request for a home "
        "exercise kit is appropriate, while formal therapy is not indicated.",
        "Overturned",
    ),
    (
        "pass5_E06",
        "Physical therapy 12 sessions",
        "The patient is 6 weeks post rotator cuff repair. The request for 12 sessions is "
        "medically necessary, while it exceeds the usual guideline recommendation slightly.",
        "Overturned",
    ),
    (
        "pass5_E07",
        "Lumbar MRI",
        "The lumbar MRI is not medically necessary, while the request for an EMG/NCV is.",
        "Upheld",
    ),
    (
        "pass5_E08",
        "Lumbar MRI",
        "I find the request medically necessary, while the UR physician found it not necessary.",
        "Overturned",
    ),
    (
        "pass5_E09",
        "Physical therapy 12 sessions",
        "The request for 6 sessions is medically necessary, while the request for 12 "
        "sessions exceeds the guidelines.",
        "Upheld",
    ),
    (
        "pass5_E10",
        "Physical therapy 12 sessions",
        "The request is medically necessary, while the total number of visits exceeds the "
        "guidelines because of the complicated postoperative course.",
        "Overturned",
    ),
    (
        "pass5_E11",
        "Norco 10/325 mg #120",
        "The request for Norco 10/325 mg #120 is not medically necessary, whilst weaning "
        "is recommended.",
        "Upheld",
    ),
    (
        "pass5_E12",
        "Acupuncture 6 sessions",
        "The patient had functional improvement from the initial trial. Acupuncture is "
        "medically necessary, while the request for a TENS unit is not.",
        "Overturned",
    ),
    (
        "pass5_E13",
        "TENS unit 30 day rental",
        "The patient had functional improvement from the initial trial. Acupuncture is "
        "medically necessary, while the request for a TENS unit is not.",
        None,
    ),
    (
        "pass5_E14",
        "Aquatic therapy 12 sessions",
        "The request for aquatic therapy exceeds guideline recommendations and is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass5_E15",
        "Physical therapy 12 sessions",
        "The request for 12 sessions is not medically necessary, while 6 sessions would be "
        "reasonable.",
        "Upheld",
    ),
    (
        "pass5_E16",
        "Physical therapy 12 sessions",
        "The request for 12 sessions is not medically necessary, while the initial 6 "
        "sessions of physical therapy were medically necessary.",
        "Upheld",
    ),
    (
        "pass5_E17",
        "Ondansetron 8 mg #20",
        "Ondansetron is approved for postoperative nausea. The request for ondansetron is "
        "medically necessary in the immediate postoperative period, while the patient "
        "recovers from the shoulder surgery.",
        "Overturned",
    ),
    (
        "pass5_E18",
        "Gabapentin 600 mg #90",
        "The patient has documented neuropathic pain with a 30% reduction in pain scores. "
        "While the dose exceeds the starting dose, the request for gabapentin 600 mg #90 "
        "is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_E19",
        "Cervical epidural steroid injection C5-6",
        "The requested cervical epidural steroid injection is not medically necessary, "
        "while a repeat cervical MRI would be appropriate.",
        "Upheld",
    ),
    (
        "pass5_F01",
        "Physical therapy 24 sessions",
        "Physical therapy is medically necessary. The request for 24 sessions is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass5_F02",
        "Physical therapy 12 sessions",
        "The request for 6 sessions is medically necessary. The request for 12 sessions is "
        "not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_F03",
        "Physical therapy 6 sessions",
        "The previous request for 12 sessions was not medically necessary. The current "
        "request for 6 sessions is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_F04",
        "Lumbar MRI",
        "The initial request was not medically necessary. The current request, with the "
        "updated examination findings, is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_F05",
        "Lumbar MRI",
        "The original request was not medically necessary. The current request is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass5_F06",
        "Norco 10/325 mg #120",
        "The treatment is medically necessary. The quantity requested is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_F07",
        "Lumbar MRI",
        "The request is medically necessary. Therefore, the request is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_F08",
        "Lumbar MRI",
        "The request was not medically necessary at the time of the utilization review. "
        "The request is medically necessary now.",
        "Overturned",
    ),
    (
        "pass5_F09",
        "Lumbar MRI",
        "The request was not medically necessary at the time of the utilization review. "
        "The request is now medically necessary.",
        "Overturned",
    ),
    (
        "pass5_F10",
        "Cognitive behavioral therapy 6 sessions",
        "Cognitive behavioral therapy is recommended for chronic pain with an initial "
        "trial of 3-4 psychotherapy visits over 2 weeks. The patient completed 4 visits "
        "with improved coping. The request is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_F11",
        "Cognitive behavioral therapy 6 sessions",
        "Utilization review denied the request on 3/4/2024. The request is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass5_F12",
        "Cognitive behavioral therapy 6 sessions",
        "Utilization review denied the request on 3/4/2024. The request is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_F13",
        "Right shoulder arthroscopy",
        "The previous shoulder surgery was medically necessary. The request for right "
        "shoulder arthroscopy is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_F14",
        "Right shoulder arthroscopy",
        "The request for right shoulder arthroscopy is not medically necessary. The prior "
        "shoulder surgery was medically necessary.",
        "Upheld",
    ),
    (
        "pass5_F15",
        "Lumbar MRI",
        "The request is not medically necessary. The request was denied by utilization review.",
        "Upheld",
    ),
    (
        "pass5_F16",
        "Lumbar MRI",
        "The request is not medically necessary. The prior lumbar MRI was medically necessary.",
        "Upheld",
    ),
    (
        "pass5_F17",
        "Tramadol 50 mg #120",
        "The request for tramadol 50 mg #120 is not medically necessary. The request for a "
        "30-day weaning supply is medically necessary.",
        "Upheld",
    ),
    (
        "pass5_F18",
        "Zolpidem 10 mg #30",
        "The patient has used zolpidem nightly for two years. Guidelines recommend "
        "zolpidem for short-term use of 2-6 weeks. This request is not medically "
        "necessary. The request exceeds the recommended duration.",
        "Upheld",
    ),
    (
        "pass5_G01",
        "Cervical MRI",
        "At the last visit, the patient had progressive weakness of the right triceps. "
        "Therefore, the request for a cervical MRI is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_G02",
        "Physical therapy 8 sessions",
        "Other modalities such as a home exercise program have been tried without benefit. "
        "The request for physical therapy is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_G03",
        "Physical therapy 8 sessions",
        "The patient has completed the previous 12 sessions. Therefore, the request for "
        "physical therapy is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_G04",
        "Lumbar MRI",
        "Prior authorization for the lumbar MRI was requested on 2/1/2024. The request for "
        "a lumbar MRI is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_G05",
        "Norco 10/325 mg #60",
        "In 2019, the patient underwent a lumbar fusion. Since then, there has been no "
        "documented functional benefit from Norco. The request for Norco 10/325 mg #60 is "
        "not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_G06",
        "Norco 10/325 mg #60",
        "The patient has been working full time while taking Norco. The request for Norco "
        "10/325 mg #60 is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_G07",
        "Physical therapy 12 sessions",
        "The request for 12 sessions exceeds the recommended 10 visits. As such, the "
        "request for physical therapy 12 sessions is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_G08",
        "Physical therapy 12 sessions",
        "The treating physician requested 12 sessions, which exceeds guidelines. The "
        "request is not supported.",
        "Upheld",
    ),
    (
        "pass5_G09",
        "Lumbar MRI",
        "The UR reviewer had stated that no neurologic deficits were found; however, the "
        "records document a positive straight leg raise and diminished reflexes. The "
        "request is supported.",
        "Overturned",
    ),
    (
        "pass5_G10",
        "Physical therapy 12 sessions",
        "Utilization review certified 6 visits. The patient has completed those 6 visits "
        "and made good progress. The remaining 6 visits are medically necessary.",
        "Overturned",
    ),
    (
        "pass5_G11",
        "Epidural steroid injection L4-5",
        "The patient had a prior epidural injection in 2022 with only two weeks of relief. "
        "As such, the request for an epidural steroid injection at L4-5 is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass5_G12",
        "Epidural steroid injection L4-5",
        "The patient had a prior epidural injection in 2022 with 70% relief for 4 months. "
        "As such, the request for an epidural steroid injection at L4-5 is medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass5_G13",
        "Knee brace",
        "The last visit documented instability. The other knee is asymptomatic. The "
        "request for a knee brace is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_G14",
        "Meloxicam 15 mg #30",
        "Meloxicam is recommended at the lowest dose for the shortest period. The patient "
        "has used it for 3 years. The prior prescriptions were not monitored with "
        "laboratory tests. Meloxicam 15 mg #30 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_H01",
        "Norco 10/325 mg #90",
        "Norco was medically necessary during the acute postoperative period. The patient "
        "is now two years out from surgery without documented functional gains. Therefore, "
        "the request for continued opioid therapy beyond the last 3 months is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass5_H02",
        "Physical therapy 8 sessions",
        "Physical therapy was medically necessary following the surgery. The patient has "
        "since completed 36 visits. The request for therapy in excess of the past 36 "
        "visits is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_H03",
        "Lumbar MRI",
        "A repeat MRI is not medically necessary without a change in neurological status. "
        "The patient developed new saddle anesthesia. The request for a repeat lumbar MRI "
        "is medically necessary compared with the study in 2020.",
        "Overturned",
    ),
    (
        "pass5_H04",
        "Urine drug screen",
        "A urine drug screen is not medically necessary more often than once a year for a "
        "low-risk patient. This patient had an inconsistent screen. The request for a "
        "urine drug screen is medically necessary, with the last inconsistent result in "
        "2023.",
        "Overturned",
    ),
    (
        "pass5_H05",
        "Physical therapy 12 visits",
        "Utilization review certified 6 visits, but denied the remaining 6 visits as not "
        "medically necessary. The patient has since made measurable gains in strength and "
        "range of motion, and the request for 12 visits is medically necessary.",
        "Overturned",
    ),
    (
        "pass5_H06",
        "Physical therapy 12 visits",
        "Utilization review certified 6 visits, but denied the remaining 6 visits as not "
        "medically necessary. The patient has since made measurable gains, and I find the "
        "remaining visits supported.",
        "Overturned",
    ),
    (
        "pass5_H07",
        "Cognitive behavioral therapy 6 sessions",
        "Psychotherapy is medically necessary for patients with chronic pain and "
        "depression. The patient already completed the other 10 psychotherapy sessions "
        "without improvement. The request for further sessions beyond the other 10 "
        "psychotherapy sessions is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_H08",
        "Knee brace",
        "A knee brace is medically appropriate for patellar instability. The patient has "
        "no instability on examination, and the brace was requested for the other knee. "
        "The request for a brace for the other knee is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_H09",
        "Gabapentin 600 mg #90",
        "The request for gabapentin was medically necessary in 2022 when the neuropathic "
        "symptoms began. The patient now reports no benefit. The request for gabapentin "
        "600 mg #90 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_H10",
        "Gabapentin 600 mg #90",
        "The patient reports no benefit from gabapentin. The request for gabapentin 600 mg "
        "#90 is not medically necessary. Gabapentin was medically necessary in 2022.",
        "Upheld",
    ),
    (
        "pass5_I01",
        "Physical therapy 12 visits",
        "Continued physical therapy is medically necessary to address the residual "
        "deficits. Utilization review certified 6 visits, and the remaining 6 visits are "
        "not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_I02",
        "Physical therapy 12 visits",
        "Continued physical therapy is medically necessary to address the residual "
        "deficits. As utilization review certified 6 visits, the request for 12 visits is "
        "not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_I03",
        "Physical therapy 12 visits",
        "Physical therapy is medically necessary to restore range of motion. Utilization "
        "review certified 6 visits, and the additional 6 visits are not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass5_I04",
        "Norco 10/325 mg #120",
        "Norco is medically necessary for breakthrough pain. Norco 10/325 mg #120 is not "
        "medically necessary for this patient injured in 2012.",
        "Upheld",
    ),
    (
        "pass5_I05",
        "Physical therapy 12 visits",
        "The request for physical therapy 12 visits is not medically necessary. However, "
        "the request for a home exercise kit is reasonable.",
        "Upheld",
    ),
    (
        "pass5_I06",
        "Lumbar MRI",
        "An MRI is medically necessary when red flags are present. No red flags were "
        "documented at the last visit. Utilization review denied the request, and the "
        "request for a lumbar MRI is not medically necessary.",
        "Upheld",
    ),
    (
        "pass5_I07",
        "Lumbar MRI",
        "An MRI is medically necessary when red flags are present. The request for a "
        "lumbar MRI is not medically necessary, as in 2021.",
        "Upheld",
    ),
]

# Pass 6 (h/adversary, 2026-12-07), written blind against the rules after pass 5: 74 ordinary
# endings of many treatment kinds and eras, 76 hard ones (negated judging verbs, another
# treatment's request, trailing partials, "shown to be", adverbs in the verb group).
CASES += [
    (
        "pass6_o001",
        "Norco 10/325 mg #60",
        "The MTUS Chronic Pain Medical Treatment Guidelines require ongoing review of pain "
        "relief, functional status, appropriate medication use and side effects for "
        "patients on opioids. The records submitted do not document objective functional "
        "improvement or a current urine drug screen. Therefore, the request for Norco "
        "10/325 mg #60 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o002",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "The MTUS guidelines allow for 9-10 visits over 8 weeks for myalgia and myositis. "
        "The patient has already completed 24 sessions of physical therapy without "
        "documented functional gains. The requested 12 additional sessions exceed "
        "guideline recommendations. As such, the request is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o003",
        "MRI of the lumbar spine",
        "ACOEM guidelines support imaging when unequivocal objective findings identify "
        "specific nerve compromise on neurologic examination. The most recent examination "
        "documents decreased sensation in the L5 dermatome, a positive straight leg raise, "
        "and weakness of the extensor hallucis longus. The patient has failed more than "
        "six weeks of conservative care. The request for MRI of the lumbar spine is "
        "medically necessary and appropriate.",
        "Overturned",
    ),
    (
        "pass6_o004",
        "Acupuncture 6 sessions for the cervical spine",
        "The Acupuncture Medical Treatment Guidelines state that the time to produce "
        "functional improvement is 3 to 6 treatments. There is no record that the patient "
        "has previously received acupuncture, and she has not tolerated oral medications. "
        "Based on the above, the request for acupuncture 6 sessions is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o005",
        "Chiropractic treatment 8 visits for the low back",
        "The MTUS recommends a trial of 6 visits over 2 weeks, with evidence of objective "
        "functional improvement, for a total of up to 18 visits over 6-8 weeks. The "
        "request for 8 visits exceeds the recommended initial trial. Therefore, the "
        "chiropractic treatment is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o006",
        "Lumbar epidural steroid injection at L4-5",
        "Per the MTUS, radiculopathy must be documented by physical examination and "
        "corroborated by imaging studies and/or electrodiagnostic testing. The records do "
        "not document any dermatomal sensory loss or reflex changes, and the MRI shows "
        "only mild disc bulging without nerve root impingement. Medical necessity for the "
        "requested epidural steroid injection has not been established.",
        "Upheld",
    ),
    (
        "pass6_o007",
        "Omeprazole 20 mg #60",
        "According to the MTUS, proton pump inhibitors are recommended for patients at "
        "intermediate risk for gastrointestinal events who are taking NSAIDs. The patient "
        "is 67 years old and is taking naproxen with a documented history of a gastric "
        "ulcer. Therefore, the request for omeprazole 20 mg #60 is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o008",
        "Omeprazole 20 mg #60",
        "According to the MTUS, proton pump inhibitors are recommended for patients at "
        "intermediate risk for gastrointestinal events. There is no documentation of "
        "gastrointestinal complaints, a history of peptic ulcer, or concurrent use of "
        "aspirin or corticosteroids. Consequently, the request for omeprazole 20 mg #60 is "
        "not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o009",
        "TENS unit purchase",
        "The MTUS Chronic Pain guidelines do not recommend TENS as a primary treatment "
        "modality, but a one-month home-based trial may be considered as an adjunct to a "
        "program of evidence-based functional restoration. There is no documentation of a "
        "one-month trial with documented outcomes. Therefore, the purchase of a TENS unit "
        "is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o010",
        "Cyclobenzaprine 7.5 mg #90",
        "The MTUS recommends non-sedating muscle relaxants with caution as a second-line "
        "option for short-term treatment of acute exacerbations. The patient has been "
        "taking cyclobenzaprine since at least January 2014, which exceeds the recommended "
        "short course. The request for cyclobenzaprine 7.5 mg #90 is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass6_o011",
        "Right knee arthroscopy with partial meniscectomy",
        "ACOEM guidelines state that arthroscopic partial meniscectomy usually has a high "
        "success rate for cases in which there is clear evidence of a meniscus tear. The "
        "MRI demonstrates a complex tear of the posterior horn of the medial meniscus, the "
        "patient has mechanical locking and a positive McMurray's test, and symptoms "
        "persist despite physical therapy and an injection. The requested right knee "
        "arthroscopy with partial meniscectomy is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o012",
        "Home health care 4 hours a day, 7 days a week for 6 weeks",
        "The MTUS recommends home health services only for otherwise recommended medical "
        "treatment for patients who are homebound, on a part-time or intermittent basis, "
        "generally up to no more than 35 hours per week. Medical treatment does not "
        "include homemaker services like shopping, cleaning, and laundry. The "
        "documentation indicates the request is for assistance with household chores. As "
        "such, the request for home health care is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o013",
        "Functional restoration program 160 hours",
        "The MTUS supports functional restoration programs when an adequate and thorough "
        "evaluation has been made, previous methods of treating chronic pain have been "
        "unsuccessful, and there is a significant loss of the ability to function "
        "independently. The multidisciplinary evaluation dated 5/12/2015 addresses each "
        "criterion and the patient is motivated to change. Treatment duration in excess of "
        "20 sessions requires a clear rationale, however, and 160 hours exceeds this. "
        "Therefore, the functional restoration program 160 hours is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass6_o014",
        "Urine drug screen",
        "The MTUS recommends drug testing as an option to assess for the use or presence "
        "of illegal drugs and to monitor compliance in patients on opioids. The patient is "
        "prescribed Norco and the last documented screen was more than a year ago. The "
        "request for a urine drug screen is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o015",
        "Retrospective urine drug screen (DOS 3/4/2015)",
        "The ODG recommends screening for low-risk patients within six months of "
        "initiation of therapy and on a yearly basis thereafter. The patient had a urine "
        "drug screen on 1/20/2015 which was consistent, and there is no documentation of "
        "aberrant behavior or a higher risk assessment. Therefore, the retrospective urine "
        "drug screen performed on 3/4/2015 was not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o016",
        "EMG/NCV of the bilateral upper extremities",
        "ACOEM states that electromyography and nerve conduction velocities may help "
        "identify subtle focal neurologic dysfunction in patients with neck or arm "
        "symptoms lasting more than three or four weeks. The patient has numbness in the "
        "bilateral hands, a positive Tinel's sign at both wrists, and symptoms that have "
        "persisted for four months. The EMG/NCV of the bilateral upper extremities is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o017",
        "Lidoderm 5% patch #30",
        "The MTUS states that topical lidocaine may be recommended for localized "
        "peripheral pain after there has been evidence of a trial of first-line therapy "
        "such as a tricyclic or SNRI antidepressant or an AED such as gabapentin or "
        "Lyrica. The records do not show that the patient has tried or failed a first-line "
        "agent. Therefore, Lidoderm 5% patch #30 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o018",
        "Gabapentin 600 mg #90",
        "The MTUS recommends antiepilepsy drugs for neuropathic pain. The patient has "
        "documented lumbar radiculopathy, and the treating physician reports a 40% "
        "reduction in pain and improved walking tolerance with gabapentin. The request for "
        "gabapentin 600 mg #90 is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o019",
        "Compounded topical cream (flurbiprofen 20%/lidocaine 5%) 180 g",
        "The MTUS states that topical analgesics are largely experimental, and any "
        "compounded product that contains at least one drug that is not recommended is not "
        "recommended. Topical lidocaine is not recommended in any formulation other than "
        "the dermal patch. As such, the compounded cream is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o020",
        "Cervical collar",
        "ACOEM notes that cervical collars have not been shown to have any lasting benefit "
        "except for comfort in the first few days of clinical course in severe cases. The "
        "patient is more than one year out from the injury. The request for a cervical "
        "collar is not supported. Therefore, it is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o021",
        "Front-wheeled walker",
        "The ODG recommends walking aids for patients with conditions causing impaired "
        "ambulation when there is a potential for ambulation with the device. The patient "
        "is status post total knee arthroplasty with an antalgic gait and documented "
        "falls. The front-wheeled walker is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o022",
        "Hot/cold therapy unit, 30-day rental",
        "The ODG recommends continuous-flow cryotherapy as an option after surgery, but "
        "not for nonsurgical treatment, and postoperative use generally may be up to 7 "
        "days. The request for a 30-day rental exceeds this recommendation. Therefore, the "
        "request for hot/cold therapy unit rental for 30 days is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o023",
        "Psychological evaluation",
        "The MTUS recommends psychological evaluations as a generally accepted, "
        "well-established diagnostic procedure in chronic pain populations. The patient "
        "has depressive symptoms and poor coping documented by the treating physician, and "
        "pain has persisted for over one year. Therefore, the request for a psychological "
        "evaluation is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o024",
        "Cognitive behavioral therapy 12 sessions",
        "The MTUS recommends an initial trial of 3-4 psychotherapy visits over 2 weeks, "
        "and with evidence of objective functional improvement, a total of up to 6-10 "
        "visits over 5-6 weeks. The request for 12 sessions exceeds the initial trial. As "
        "such, the request for cognitive behavioral therapy 12 sessions is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass6_o025",
        "Tramadol ER 150 mg #30",
        "The MTUS does not recommend continuing opioids in the absence of documented pain "
        "relief and functional improvement. The reports do not include pain scores with "
        "and without medication, and there is no signed opioid agreement. The medical "
        "necessity of tramadol ER 150 mg #30 has not been established.",
        "Upheld",
    ),
    (
        "pass6_o026",
        "Tramadol ER 150 mg #30",
        "The MTUS supports continued opioid therapy when the patient has returned to work "
        "or has improved functioning and pain. The progress notes document a decrease in "
        "pain from 8/10 to 4/10 with medication, the ability to work full duty, consistent "
        "urine drug screens, and no aberrant behaviors. Based on the above, the request "
        "for tramadol ER 150 mg #30 is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o027",
        "CT scan of the cervical spine",
        "ACOEM recommends CT for bony structure evaluation or to validate diagnosis of "
        "nerve root compromise when surgery is considered. There are no red flags, no new "
        "neurologic deficits, and no plan for surgery. The request is not medically "
        "necessary at this time.",
        "Upheld",
    ),
    (
        "pass6_o028",
        "Left shoulder subacromial decompression",
        "ACOEM guidelines state that surgical consideration is indicated for patients with "
        "activity limitation for more than four months plus existence of a surgical "
        "lesion. The patient has had a full course of physical therapy and two cortisone "
        "injections with temporary relief, and the MRI shows a type III acromion with "
        "impingement. The request for left shoulder subacromial decompression is medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass6_o029",
        "Postoperative physical therapy 12 sessions for the left shoulder",
        "The MTUS Postsurgical Treatment Guidelines support 24 visits over 14 weeks after "
        "arthroscopic subacromial decompression, with an initial course of one-half that "
        "number. The patient underwent surgery on 2/10/2016 and has not yet received "
        "postoperative therapy. The request for 12 sessions is within the guideline "
        "recommendations and is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o030",
        "Ambien 10 mg #30",
        "The ODG states that zolpidem is approved for the short-term treatment of "
        "insomnia, usually two to six weeks. The patient has used Ambien since 2013, and "
        "there is no documentation of sleep hygiene counseling or of the response to "
        "treatment. Therefore, Ambien 10 mg #30 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o031",
        "Soma 350 mg #60",
        "The MTUS does not recommend carisoprodol, which is not indicated for long-term "
        "use. Abuse has been noted for sedative and relaxant effects. Therefore, the "
        "request for Soma 350 mg #60 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o032",
        "Lumbar facet radiofrequency ablation, bilateral L4-5 and L5-S1",
        "The ODG recommends facet neurotomy after a diagnosis of facet joint pain using a "
        "medial branch block with at least 70% relief. The patient had 80% pain relief "
        "lasting six hours following diagnostic medial branch blocks on 9/1/2017, and has "
        "no radicular findings. The request for radiofrequency ablation is consistent with "
        "the guidelines. As such, it is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o033",
        "Aquatic therapy 8 sessions",
        "The MTUS recommends aquatic therapy as an optional form of exercise therapy where "
        "reduced weight bearing is desirable, for example extreme obesity. There is no "
        "documentation that the patient is unable to tolerate land-based therapy or "
        "requires reduced weight bearing. Therefore, the aquatic therapy 8 sessions is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o034",
        "X-ray of the right wrist",
        "ACOEM recommends radiographs of the wrist for patients with a history of trauma "
        "and point tenderness over the anatomic snuffbox. The patient fell on an "
        "outstretched hand on 4/2/2018 and has snuffbox tenderness. The request for an "
        "x-ray of the right wrist is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o035",
        "Bone scan",
        "The ODG does not recommend a bone scan except for bone infection, cancer, or "
        "arthritis. There is no clinical suspicion of any of these conditions documented "
        "in the records. Therefore, the requested bone scan is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o036",
        "Orthopedic consultation",
        "ACOEM states that a referral may be appropriate if the practitioner is "
        "uncomfortable with the line of inquiry, or when the plan or course of care may "
        "benefit from additional expertise. The patient has persistent knee instability "
        "despite conservative care and the treating physician is considering surgical "
        "options. The request for orthopedic consultation is medically appropriate.",
        "Overturned",
    ),
    (
        "pass6_o037",
        "Pain management follow-up visits x6",
        "The ACOEM recommends office visits as determined to be medically necessary, based "
        "on the patient's concerns, signs and symptoms, and clinical stability. While "
        "follow-up is appropriate, the need for six visits cannot be determined in "
        "advance; the patient's condition should be reassessed at each visit. Therefore, "
        "the request for six pain management follow-up visits is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o038",
        "Motorized scooter",
        "The MTUS does not recommend power mobility devices if the functional mobility "
        "deficit can be sufficiently resolved by the prescription of a cane or walker, or "
        "if the patient has sufficient upper extremity function to propel a manual "
        "wheelchair. The patient ambulates with a cane. The request for a motorized "
        "scooter is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o039",
        "Naproxen 550 mg #60",
        "The MTUS recommends NSAIDs at the lowest dose for the shortest period in patients "
        "with moderate to severe pain. The patient has osteoarthritis of the knee with "
        "documented improvement in pain and function on naproxen, and no documented "
        "gastrointestinal or renal contraindications. Therefore, naproxen 550 mg #60 is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o040",
        "Cervical epidural steroid injection at C5-6",
        "The MTUS criteria for epidural steroid injections require radiculopathy "
        "documented by physical examination and corroborated by imaging. The patient has "
        "decreased biceps reflex and C6 dermatomal hypoesthesia, and the MRI shows a C5-6 "
        "disc protrusion compressing the exiting C6 nerve root. She has failed physical "
        "therapy and medications. The request for a cervical epidural steroid injection at "
        "C5-6 is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o041",
        "Lumbar support brace",
        "ACOEM states that lumbar supports have not been shown to have any lasting benefit "
        "beyond the acute phase of symptom relief. The injury occurred in 2011 and the "
        "patient is in the chronic phase. Therefore, the request is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass6_o042",
        "Sleep study",
        "The ODG recommends polysomnography after at least six months of an insomnia "
        "complaint that is unresponsive to behavioral intervention and sedative "
        "medications, after psychiatric etiology has been excluded. No behavioral "
        "intervention has been documented. The sleep study is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o043",
        "Ondansetron 8 mg #30",
        "The ODG does not recommend ondansetron for nausea and vomiting secondary to "
        "chronic opioid use; it is FDA approved for chemotherapy and postoperative use. "
        "The patient is not undergoing chemotherapy or surgery. Therefore, the request for "
        "ondansetron 8 mg #30 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o044",
        "Duloxetine 60 mg #30",
        "The MTUS recommends duloxetine as an option in first-line treatment of "
        "neuropathic pain. The patient has diabetic neuropathy in addition to the "
        "industrial lumbar radiculopathy and reports improved sleep and pain control on "
        "duloxetine. The request for duloxetine 60 mg #30 is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o045",
        "Biofeedback 6 sessions",
        "The MTUS does not recommend biofeedback as a stand-alone treatment, but "
        "recommends it as an option in a cognitive behavioral therapy program. There is no "
        "evidence that the patient is participating in a CBT program. The request for "
        "biofeedback 6 sessions is therefore not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o046",
        "Interferential current stimulator rental for 1 month",
        "The MTUS states that interferential current stimulation is not recommended as an "
        "isolated intervention. There is no quality evidence of effectiveness except in "
        "conjunction with recommended treatments including return to work, exercise and "
        "medications. The patient is not participating in an exercise program. The request "
        "is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o047",
        "Left carpal tunnel release",
        "ACOEM supports carpal tunnel release in patients with symptoms and findings of "
        "carpal tunnel syndrome confirmed by electrodiagnostic studies who have failed "
        "conservative care. The EMG/NCV dated 6/14/2016 shows moderate left median "
        "neuropathy at the wrist, and the patient failed splinting and a steroid "
        "injection. Therefore, the left carpal tunnel release is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o048",
        "Work hardening program 10 sessions",
        "The MTUS criteria for work conditioning include a defined return-to-work goal "
        "agreed to by the employer and employee. The patient has not worked since 2012, "
        "and no job to return to has been identified. The request for a work hardening "
        "program is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o049",
        "Knee brace, hinged, for the left knee",
        "ACOEM states that a brace can be used for patellar instability, anterior cruciate "
        "ligament tear, or medial collateral ligament instability. The examination shows a "
        "positive Lachman test and the MRI confirms an ACL tear in the left knee. The "
        "request for a hinged left knee brace is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o050",
        "Synvisc injection to the right knee, series of 3",
        "The ODG recommends hyaluronic acid injections for patients with severe "
        "osteoarthritis who have not responded adequately to conservative treatment. The "
        "radiographs show only mild degenerative changes, and there is no documentation of "
        "failed steroid injections. Therefore, Synvisc injections to the right knee are "
        "not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o051",
        "Laboratory tests: CBC, CMP",
        "The MTUS recommends periodic laboratory monitoring of a CBC and chemistry "
        "profile, including liver and renal function tests, for patients on chronic NSAID "
        "therapy. The patient has been taking ibuprofen 800 mg three times daily for more "
        "than two years and no prior laboratory results are in the records. The request "
        "for CBC and CMP is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o052",
        "Hydrocodone/APAP 10/325 mg #120",
        "The MTUS does not support long-term opioid use without documentation of the four "
        "A's of ongoing monitoring. The patient's morphine equivalent dose exceeds 120 mg "
        "per day and there is no documented functional benefit. Given the above, the "
        "request for hydrocodone/APAP 10/325 mg #120 is not medically necessary. Weaning "
        "is recommended.",
        "Upheld",
    ),
    (
        "pass6_o053",
        "Single point cane",
        "The ODG recommends assistive devices for ambulation in patients with knee "
        "osteoarthritis to reduce pain. The patient has severe medial compartment "
        "osteoarthritis with an antalgic gait. Therefore, the single point cane is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o054",
        "Thoracic MRI",
        "ACOEM criteria for ordering imaging include emergence of a red flag, physiologic "
        "evidence of tissue insult or neurologic dysfunction, and clarification of anatomy "
        "prior to an invasive procedure. The records do not document thoracic spine "
        "complaints or neurologic deficits. As such, the thoracic MRI is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass6_o055",
        "Massage therapy 6 sessions",
        "The MTUS recommends massage as an option in adjunct to other recommended "
        "treatment such as exercise, limited to 4-6 visits in most cases. The patient is "
        "performing a home exercise program and has not had massage therapy before. The "
        "request for massage therapy 6 sessions is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o056",
        "Voltaren gel 1% 100 g",
        "The MTUS states that Voltaren gel is indicated for relief of osteoarthritis pain "
        "in joints that lend themselves to topical treatment, such as the ankle, elbow, "
        "foot, hand, knee and wrist. It has not been evaluated for treatment of the spine. "
        "The patient's pain is in the lumbar spine. Therefore, Voltaren gel 1% is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o057",
        "Pre-operative medical clearance",
        "The ODG recommends preoperative testing guided by the patient's clinical history, "
        "comorbidities and physical examination findings. The patient is 64 years old with "
        "hypertension and diabetes and is scheduled for a lumbar fusion, which has been "
        "certified. The requested pre-operative medical clearance is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o058",
        "Lumbar discogram",
        "ACOEM states that recent studies on discography do not support its use as a "
        "preoperative indication for either intradiscal electrothermal annuloplasty or "
        "fusion. The request for a lumbar discogram is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o059",
        "Ketoprofen 20% cream 120 g",
        "Ketoprofen is not currently FDA approved for a topical application. It has an "
        "extremely high incidence of photocontact dermatitis. Therefore, the ketoprofen "
        "20% cream is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o060",
        "Physical therapy 6 sessions for the right knee",
        "The MTUS recommends 9-10 visits over 8 weeks for myalgia. The records indicate "
        "that the patient had a new flare-up of knee pain following a fall and has not had "
        "therapy for the knee in more than two years, with measurable deficits in strength "
        "and range of motion. The request for physical therapy 6 sessions for the right "
        "knee is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o061",
        "Trigger point injections x4",
        "The MTUS criteria for trigger point injections require documentation of "
        "circumscribed trigger points with evidence upon palpation of a twitch response as "
        "well as referred pain. The physical examination notes only diffuse tenderness of "
        "the trapezius. Therefore, the trigger point injections x4 are not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass6_o062",
        "Inpatient stay 2 days",
        "The ODG recommends a median length of stay of 3 days for a posterior lumbar "
        "fusion. The requested 2-day inpatient stay is within the guideline recommendation "
        "for the certified procedure. The request is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o063",
        "Ortho shoes",
        "The ODG recommends orthotic devices for plantar fasciitis and for foot pain in "
        "rheumatoid arthritis. The patient has a lumbar spine injury and there is no foot "
        "diagnosis documented. The Expert Reviewer found that the request for ortho shoes "
        "is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o064",
        "MRI of the right shoulder",
        "The ACOEM guidelines support imaging of the shoulder when there is a suspicion of "
        "a full thickness rotator cuff tear and the patient is a surgical candidate. The "
        "patient has weakness of external rotation, a positive drop-arm test, and has not "
        "improved after six weeks of therapy. The Expert Reviewer found that the requested "
        "MRI of the right shoulder is medically necessary and appropriate.",
        "Overturned",
    ),
    (
        "pass6_o065",
        "Ultram 50 mg #120",
        "Based on the clinical information and the MTUS guidelines, there is no "
        "documentation of improvement in pain or function with the prior use of Ultram. "
        "The IMR reviewer finds the request for Ultram 50 mg #120 is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass6_o066",
        "Lyrica 75 mg #60",
        "The MTUS recommends pregabalin for diabetic neuropathy and postherpetic neuralgia "
        "and as a first-line treatment for neuropathic pain. The patient has documented "
        "radicular pain with improvement in pain scores from 7/10 to 4/10 on Lyrica. The "
        "IMR reviewer finds the request for Lyrica 75 mg #60 is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o067",
        "Outpatient detoxification program",
        "The MTUS recommends detoxification as an option for patients with intolerable "
        "side effects, lack of response, aberrant drug behaviors or refractory comorbid "
        "psychiatric illness. The patient has escalating opioid use with multiple early "
        "refill requests documented. Based on the guidelines and the review of the "
        "evidence, the request for an outpatient detoxification program is medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass6_o068",
        "Spinal cord stimulator trial",
        "The MTUS recommends spinal cord stimulators only for selected patients in cases "
        "when less invasive procedures have failed or are contraindicated, and a "
        "psychological clearance is required before a trial. No psychological evaluation "
        "has been performed. Medical necessity for the spinal cord stimulator trial is not "
        "established.",
        "Upheld",
    ),
    (
        "pass6_o069",
        "Chiropractic manipulation 6 visits for the cervical spine",
        "The MTUS recommends a trial of 6 visits over 2 weeks for manual therapy and "
        "manipulation. The patient has not had chiropractic treatment for the cervical "
        "spine previously and has ongoing neck pain with restricted range of motion. The "
        "request for 6 visits is consistent with the guideline recommendation for a trial. "
        "Therefore, the request is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_o070",
        "Flexeril 10 mg #30",
        "Muscle relaxants are recommended as a second-line option for short-term treatment "
        "of acute exacerbations in patients with chronic low back pain. In this case, the "
        "patient has been on Flexeril for at least 6 months, and there is no documentation "
        "of an acute exacerbation. The request is not certified.",
        "Upheld",
    ),
    (
        "pass6_o071",
        "Shower chair",
        "The ODG states that bathroom and toilet items are considered durable medical "
        "equipment if the patient is bed- or room-confined and the devices are part of a "
        "medical treatment plan. The patient is ambulatory and independent in self-care. "
        "The shower chair is therefore not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o072",
        "Transportation to and from medical appointments",
        "The ODG recommends medically necessary transportation to appointments in the same "
        "community for patients with disabilities preventing them from self-transport. The "
        "patient is status post right ankle ORIF, is non-weight bearing, and lives alone. "
        "The request for transportation to and from medical appointments is medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass6_o073",
        "Butrans patch 10 mcg/hr #4",
        "The MTUS recommends buprenorphine for treatment of opiate addiction and as an "
        "option for chronic pain, especially after detoxification in patients who have a "
        "history of opiate addiction. The patient has no history of opiate addiction and "
        "there is no evidence of functional benefit from the patch. The request for "
        "Butrans patch 10 mcg/hr #4 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_o074",
        "Genetic testing for opioid metabolism",
        "The ODG does not recommend genetic testing for potential opioid abuse. Studies "
        "are inconsistent, with inadequate statistics and large phenotype range. "
        "Therefore, genetic testing for opioid metabolism is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h075",
        "Physical therapy 6 additional sessions for the lumbar spine",
        "The patient has completed 12 sessions of physical therapy with documented "
        "improvement in lifting tolerance. The prior physical therapy was medically "
        "necessary. However, there is no explanation why the remaining deficits cannot be "
        "addressed in a home exercise program. Therefore, the request for 6 additional "
        "sessions is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h076",
        "Repeat lumbar epidural steroid injection at L5-S1",
        "The MTUS requires at least 50% pain relief with associated reduction of "
        "medication use for six to eight weeks before a repeat block. The prior injection "
        "on 7/8/2015 provided 70% relief for three months with reduced medication use. The "
        "request for a repeat lumbar epidural steroid injection at L5-S1 is medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass6_h077",
        "Repeat lumbar epidural steroid injection at L5-S1",
        "The MTUS requires at least 50% pain relief with associated reduction of "
        "medication use for six to eight weeks before a repeat block. The last injection "
        "provided only two weeks of relief. Therefore, the repeat injection is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h078",
        "MRI of the right knee",
        "The patient previously had an MRI of the left knee in 2014 which showed a "
        "meniscal tear. There has been no new injury to the right knee, and the "
        "examination of the right knee is unremarkable. The prior MRI of the left knee was "
        "medically necessary, but the MRI of the right knee is not.",
        "Upheld",
    ),
    (
        "pass6_h079",
        "Knee brace for the left knee",
        "A brace can be used for patellar instability or ligament insufficiency. The "
        "examination documents left knee ACL laxity. The brace previously provided for the "
        "right knee was appropriate. The request for a knee brace for the left knee is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass6_h080",
        "Physical therapy 8 sessions for the cervical spine",
        "The patient completed 18 sessions of therapy in 2016. The request for 8 more "
        "sessions after the previous 18 exceeds guideline recommendations and is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h081",
        "Norco 10/325 mg #90",
        "The previous reviewer recommended weaning. The records since the last review "
        "document pain reduction from 9/10 to 5/10, improved ability to walk and perform "
        "self-care, and a signed opioid contract. The request, in light of the previous "
        "recommendation to wean, is nonetheless medically necessary.",
        "Overturned",
    ),
    (
        "pass6_h082",
        "Acupuncture 6 sessions",
        "The utilization review dated 4/5/2016 non-certified the request, citing a lack of "
        "functional improvement. However, the progress report of 3/28/2016 documents a "
        "reduction of medication use and improved sitting tolerance after the first 6 "
        "sessions. The request for 6 additional acupuncture sessions is medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass6_h083",
        "Acupuncture 6 sessions",
        "The UR reviewer had stated that acupuncture was medically necessary for an "
        "initial trial. The patient has now completed 12 sessions with no documented "
        "functional improvement. Therefore, the request is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h084",
        "Norco 10/325 mg #60",
        "The utilization review physician modified the request to allow #30 for weaning "
        "purposes. There is no documentation of functional improvement. The previous "
        "modification was appropriate, and the request for Norco 10/325 mg #60 is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h085",
        "MRI of the cervical spine",
        "The claims administrator denied the request on 8/12/2015. I am reversing the "
        "prior UR decision, as the patient now has progressive neurologic deficit with new "
        "weakness of the triceps.",
        "Overturned",
    ),
    (
        "pass6_h086",
        "MRI of the cervical spine",
        "The patient has no red flags and no neurologic deficit on examination. The "
        "non-certification of the cervical MRI is upheld.",
        "Upheld",
    ),
    (
        "pass6_h087",
        "Functional capacity evaluation",
        "The ODG recommends a functional capacity evaluation when case management is "
        "hampered by complex issues and the patient is close to maximum medical "
        "improvement. Neither of these conditions is documented. The prior denial is "
        "supported, and the functional capacity evaluation is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h088",
        "Physical therapy 12 sessions for the left shoulder",
        "Utilization review certified 6 visits, and the remaining 6 were non-certified. "
        "The guidelines support 10 visits for this condition. The patient has not yet "
        "started therapy. The request for 12 sessions is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h089",
        "Psychotherapy 6 sessions",
        "The UR determination stated that the request was not medically necessary because "
        "there was no psychological evaluation. However, a psychological evaluation dated "
        "2/2/2017 was submitted with the IMR application and documents major depressive "
        "disorder. The UR determination is overturned.",
        "Overturned",
    ),
    (
        "pass6_h090",
        "Psychotherapy 6 sessions",
        "The claims administrator's physician advisor found the request medically "
        "necessary on 5/3/2017 but it was later denied on appeal. Based on the lack of a "
        "baseline evaluation, the decision to deny is upheld.",
        "Upheld",
    ),
    (
        "pass6_h091",
        "Voltaren gel 1% 100 g",
        "Voltaren gel is indicated for osteoarthritis of joints amenable to topical "
        "treatment, such as the knee. The patient has documented osteoarthritis of the "
        "right knee and intolerance to oral NSAIDs. While the lumbar spine is not an "
        "indicated site, the request for Voltaren gel 1% 100 g is medically necessary for "
        "the knee.",
        "Overturned",
    ),
    (
        "pass6_h092",
        "Lumbar MRI",
        "The patient has chronic neck and low back pain. Although the cervical MRI is "
        "warranted given the new upper extremity weakness, the lumbar MRI is not medically "
        "necessary, as the lumbar examination is unchanged.",
        "Upheld",
    ),
    (
        "pass6_h093",
        "Cervical MRI",
        "The patient has chronic neck and low back pain. Although the cervical MRI is "
        "warranted given the new upper extremity weakness, the lumbar MRI is not medically "
        "necessary, as the lumbar examination is unchanged.",
        "Overturned",
    ),
    (
        "pass6_h094",
        "Gabapentin 300 mg #90",
        "The guidelines recommend gabapentin for neuropathic pain. The patient has no "
        "neuropathic findings, whereas the request for gabapentin was made only for axial "
        "back pain. Therefore, gabapentin 300 mg #90 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h095",
        "TENS unit rental 30 days",
        "The patient has neuropathic pain of the right foot. The request for a TENS unit "
        "rental is medically necessary, whereas the request for the purchase of a unit is "
        "not.",
        "Overturned",
    ),
    (
        "pass6_h096",
        "Physical therapy 12 sessions for the lumbar spine",
        "The MTUS recommends 8-10 visits for radiculitis. The patient has not had therapy "
        "in over a year and has a new flare-up. Physical therapy is medically necessary "
        "for 6 of the 12 sessions requested. The request is therefore certified with "
        "modification.",
        "Upheld",
    ),
    (
        "pass6_h097",
        "Norco 10/325 mg #120",
        "The patient requires continued treatment, but the documentation does not support "
        "the full quantity given the lack of functional improvement. The request is "
        "partially certified for #60 to allow for weaning. Norco 10/325 mg #120 is "
        "therefore not medically necessary as written.",
        "Upheld",
    ),
    (
        "pass6_h098",
        "Chiropractic 12 visits",
        "The guidelines recommend a trial of 6 visits. The request is modified to 6 visits.",
        "Upheld",
    ),
    (
        "pass6_h099",
        "Norco 10/325 mg #60",
        "The patient has a documented opioid contract, consistent urine drug screens, and "
        "improved function. Norco 10/325 mg, 1 tablet up to 2 times daily, #60, is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass6_h100",
        "Physical therapy 6 sessions for the knee",
        "The guidelines allow 12 visits after meniscectomy. The patient has completed 6 of "
        "the 12 visits with continued gains in range of motion. The remaining 6 of the 12 "
        "visits are medically necessary.",
        "Overturned",
    ),
    (
        "pass6_h101",
        "Physical therapy 12 sessions for the knee",
        "The guidelines allow 12 visits after meniscectomy. The patient has not yet "
        "started therapy. The request for 12 sessions is medically necessary, with 6 of 12 "
        "visits to be reassessed at the midpoint.",
        "Overturned",
    ),
    (
        "pass6_h102",
        "Home exercise kit",
        "The MTUS recommends home exercise as part of a functional restoration approach. "
        "The treating physician has instructed the patient in a home program. It cannot be "
        "said that the home exercise kit is not medically necessary.",
        "Overturned",
    ),
    (
        "pass6_h103",
        "Ibuprofen 800 mg #90",
        "The patient has documented knee osteoarthritis with improvement on ibuprofen. It "
        "is not the case that the ibuprofen is unwarranted. The request is appropriate.",
        "Overturned",
    ),
    (
        "pass6_h104",
        "Lumbar fusion L4-S1",
        "There is no documented instability on flexion-extension views and no "
        "psychological screening has been performed. The request for lumbar fusion cannot "
        "be considered medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h105",
        "Additional physical therapy 8 sessions",
        "The patient has completed 30 sessions of therapy to date. No further physical "
        "therapy is medically necessary; the patient should continue a home exercise "
        "program.",
        "Upheld",
    ),
    (
        "pass6_h106",
        "Ultrasound of the right shoulder",
        "The prior MRI of the right shoulder was unremarkable. None of the clinical "
        "findings suggest a new tear. The request for an ultrasound of the right shoulder "
        "is not without merit, but it is not medically necessary at this time.",
        "Upheld",
    ),
    (
        "pass6_h107",
        "Home health aide 4 hours per day",
        "The patient is not homebound. The need for home health assistance has not been "
        "demonstrated, and the request is unwarranted.",
        "Upheld",
    ),
    (
        "pass6_h108",
        "Wheelchair, manual",
        "The patient cannot ambulate more than 20 feet due to bilateral lower extremity "
        "weakness. The lack of a wheelchair would leave the patient confined to the home. "
        "The manual wheelchair is not unreasonable and is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_h109",
        "Physical therapy 6 sessions",
        "Had there been documentation of functional gains from the prior course, "
        "additional therapy would have been appropriate. No such documentation was "
        "provided. Therefore, the request for 6 sessions of physical therapy is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h110",
        "Repeat MRI of the lumbar spine",
        "If the patient develops progressive neurologic deficits, a repeat MRI would be "
        "medically necessary. At present, the neurologic examination is unchanged from the "
        "prior study of 2015. The repeat MRI is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h111",
        "Repeat MRI of the lumbar spine",
        "If the patient develops progressive neurologic deficits, a repeat MRI would be "
        "medically necessary. The current examination documents new foot drop and loss of "
        "the Achilles reflex, which represent a significant change. The repeat MRI is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass6_h112",
        "Psychological evaluation",
        "Should the patient be considered a candidate for a spinal cord stimulator, a "
        "psychological evaluation would be indicated. The records do not document that a "
        "spinal cord stimulator is being considered.",
        "Upheld",
    ),
    (
        "pass6_h113",
        "Right total knee arthroplasty",
        "The ODG criteria for total knee arthroplasty include a BMI of less than 40, age "
        "over 50, and failure of conservative care. The patient has a BMI of 44. Once the "
        "patient achieves the weight loss goal, the surgery may be appropriate. Currently, "
        "the request is not supported.",
        "Upheld",
    ),
    (
        "pass6_h114",
        "Flexeril 10 mg #60",
        "The request for Norco 10/325 mg #90 is medically necessary given documented "
        "functional improvement. However, Flexeril is recommended for short-term use only "
        "and the patient has been on it for over a year. The request for Flexeril 10 mg "
        "#60 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h115",
        "Norco 10/325 mg #90",
        "The request for Norco 10/325 mg #90 is medically necessary given documented "
        "functional improvement. However, Flexeril is recommended for short-term use only "
        "and the patient has been on it for over a year. The request for Flexeril 10 mg "
        "#60 is not medically necessary.",
        "Overturned",
    ),
    (
        "pass6_h116",
        "Urine drug screen",
        "The concurrent request for Norco was found not medically necessary, and weaning "
        "was recommended. Since the patient is still taking opioids during weaning, "
        "monitoring remains appropriate. The urine drug screen is medically necessary.",
        "Overturned",
    ),
    (
        "pass6_h117",
        "Left knee arthroscopy",
        "The patient has mechanical symptoms in both knees. The right knee arthroscopy is "
        "medically necessary given the MRI evidence of a bucket-handle tear. The left knee "
        "MRI shows only degenerative signal without a discrete tear, and the request for "
        "the left knee arthroscopy is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h118",
        "Post-operative cold therapy unit 7-day rental",
        "Since the associated surgical procedure, a right shoulder arthroscopy, is not "
        "medically necessary, none of the associated services are medically necessary. "
        "Therefore, the post-operative cold therapy unit is not medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h119",
        "Post-operative physical therapy 12 sessions",
        "As the right shoulder arthroscopy has been found medically necessary, "
        "postoperative physical therapy is also needed. The MTUS supports an initial "
        "course of 12 visits. The request for 12 postoperative sessions is medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass6_h120",
        "Lumbar spine x-rays, 3 views",
        "The patient has low back pain of two weeks' duration without red flags. ACOEM "
        "does not recommend routine radiographs in the first month of symptoms absent red "
        "flags. Based on the above, the lumbar x-rays are unwarranted.",
        "Upheld",
    ),
    (
        "pass6_h121",
        "Pain psychology consultation",
        "The patient has high fear-avoidance scores and has failed to progress in therapy. "
        "A consultation is an appropriate next step. The pain psychology consultation is "
        "supported by the guidelines and is warranted.",
        "Overturned",
    ),
    (
        "pass6_h122",
        "Toradol 60 mg IM injection",
        "The MTUS notes that ketorolac is not indicated for minor or chronic painful "
        "conditions. The patient presented with chronic low back pain without an acute "
        "exacerbation. The Toradol injection is contraindicated here and the request does "
        "not meet guideline criteria.",
        "Upheld",
    ),
    (
        "pass6_h123",
        "Bilateral lumbar medial branch blocks L3-4, L4-5",
        "The patient has axial low back pain with facet loading tenderness and no "
        "radicular findings. Conservative care has failed for more than four weeks. The "
        "medial branch blocks meet the ODG criteria, and the request is approved.",
        "Overturned",
    ),
    (
        "pass6_h124",
        "H-wave unit purchase",
        "The MTUS does not recommend H-wave as an isolated intervention, and a one-month "
        "home trial is required with documented outcomes. No trial has been documented. "
        "The medical necessity of the H-wave unit purchase is not substantiated.",
        "Upheld",
    ),
    (
        "pass6_h125",
        "Topical compound: capsaicin 0.025%/menthol 10% 120 g",
        "Capsaicin is recommended only as an option in patients who have not responded or "
        "are intolerant to other treatments. The patient has not been intolerant to oral "
        "agents. Neither the capsaicin nor the menthol component is supported for this "
        "patient, and the compound is therefore not recommended.",
        "Upheld",
    ),
    (
        "pass6_h126",
        "Dental evaluation",
        "The patient reports dental fractures following the fall at work on 3/15/2019, "
        "with a chipped upper incisor documented by the treating physician. I find that "
        "the dental evaluation is justified.",
        "Overturned",
    ),
    (
        "pass6_h127",
        "Replacement TENS pads x 12",
        "The patient has been using a TENS unit with documented decrease in medication use "
        "and improved function, which was previously authorized. Replacement supplies are "
        "needed to continue its use. Therefore, the replacement TENS pads are certified.",
        "Overturned",
    ),
    (
        "pass6_h128",
        "Lumbar MRI",
        "Given the absence of neurologic findings and the lack of any red flags, the "
        "request is not supported. The patient also had a lumbar MRI in 2018, and there "
        "has been no change since.",
        "Upheld",
    ),
    (
        "pass6_h129",
        "Gym membership 6 months",
        "The ODG does not recommend gym memberships as medical prescriptions unless a "
        "documented home exercise program with periodic assessment and revision has not "
        "been effective and there is a need for equipment. Treatment needs to be monitored "
        "and administered by medical professionals. There is no documentation of these "
        "criteria. This reviewer does not find the request to be medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h130",
        "Ambien 10 mg #30",
        "The patient has been taking Ambien for more than two years. Long-term use is not "
        "supported by the guidelines. The medication is no longer medically necessary, and "
        "the request is non-certified.",
        "Upheld",
    ),
    (
        "pass6_h131",
        "Outpatient physical therapy evaluation",
        "The patient sustained a new ankle sprain on 10/1/2019 with documented swelling "
        "and reduced range of motion. An evaluation is the first step in guiding "
        "treatment. I am overturning the prior utilization review denial.",
        "Overturned",
    ),
    (
        "pass6_h132",
        "Medrol dose pack",
        "The ODG recommends oral corticosteroids for acute radicular pain, not for chronic "
        "pain. The patient's radicular pain is chronic, present since 2012. The "
        "utilization review's non-certification is appropriate and is therefore upheld.",
        "Upheld",
    ),
    (
        "pass6_h133",
        "Aquatic therapy 12 sessions",
        "The patient weighs 310 pounds and cannot tolerate land-based therapy because of "
        "bilateral knee osteoarthritis. The guidelines support reduced weight-bearing "
        "exercise in this setting. I do not find the request for aquatic therapy to be "
        "medically unnecessary.",
        "Overturned",
    ),
    (
        "pass6_h134",
        "Lumbar support brace",
        "Lumbar supports have not been shown to have lasting benefit beyond the acute "
        "phase. The patient is three years post injury. The Expert Reviewer did not find "
        "the lumbar support brace medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h135",
        "Lumbar support brace",
        "Lumbar supports have not been shown to have lasting benefit beyond the acute "
        "phase. The patient is three years post injury. I do not consider the lumbar "
        "support brace to be medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h136",
        "Physical therapy 8 sessions for the lumbar spine",
        "The patient has a new lumbar flare-up with documented deficits and has not had "
        "therapy since 2015. The guidelines support 8-10 visits. The request for Norco "
        "10/325 mg #60 is not medically necessary given the lack of functional improvement.",
        None,
    ),
    (
        "pass6_h137",
        "Physical therapy 8 sessions for the lumbar spine",
        "The patient has a new lumbar flare-up with documented deficits and has not had "
        "therapy since 2015. The guidelines support 8-10 visits, and the request for "
        "physical therapy 8 sessions is medically necessary. The request for Norco 10/325 "
        "mg #60 is not medically necessary given the lack of functional improvement.",
        "Overturned",
    ),
    (
        "pass6_h138",
        "Topical Terocin patch #30",
        "The patient has neuropathic pain in the left foot after a crush injury. The "
        "request for gabapentin is medically necessary as a first-line agent. The request "
        "for Terocin patches is not medically necessary because the patient has not failed "
        "first-line therapy.",
        "Upheld",
    ),
    (
        "pass6_h139",
        "Gabapentin 300 mg #90",
        "The patient has neuropathic pain in the left foot after a crush injury. The "
        "request for gabapentin is medically necessary as a first-line agent. The request "
        "for Terocin patches is not medically necessary because the patient has not failed "
        "first-line therapy.",
        "Overturned",
    ),
    (
        "pass6_h140",
        "Chiropractic 8 visits for the lumbar spine",
        "The MTUS recommends a trial of 6 visits over 2 weeks. The patient has not had "
        "prior manipulation. The request is medically necessary for 6 visits only.",
        "Upheld",
    ),
    (
        "pass6_h141",
        "Chiropractic 8 visits for the lumbar spine",
        "The MTUS recommends a trial of 6 visits over 2 weeks. The patient has not had "
        "prior manipulation. Only 6 of the 8 requested visits are medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h142",
        "Right shoulder MRI arthrogram",
        "The patient has persistent shoulder pain with positive labral provocative tests, "
        "and the plain MRI was equivocal for a labral tear. The ODG supports MR "
        "arthrography for suspected labral tears. The request has been shown to be "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass6_h143",
        "Right shoulder MRI arthrogram",
        "The patient has full range of motion and negative labral provocative tests. There "
        "is no suspicion of a labral tear documented. The request has not been shown to be "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h144",
        "Trazodone 50 mg #30",
        "The patient has documented insomnia secondary to chronic pain and depression, and "
        "trazodone has improved her sleep from four to seven hours per night. The ODG "
        "supports sedating antidepressants in patients with coexisting depression. The "
        "request is, therefore, medically appropriate.",
        "Overturned",
    ),
    (
        "pass6_h145",
        "Trazodone 50 mg #30",
        "The prior reviewer denied trazodone citing a lack of documented insomnia. The "
        "progress notes since then document insomnia secondary to pain with improvement on "
        "trazodone. The request is, however, medically necessary.",
        "Overturned",
    ),
    (
        "pass6_h146",
        "Home health care 8 hours a day",
        "The patient is ambulatory and is independent in activities of daily living. The "
        "requested services consist of homemaker assistance only. There is no medical "
        "necessity for the requested home health care.",
        "Upheld",
    ),
    (
        "pass6_h147",
        "Norco 10/325 mg #90",
        "The patient has documented improvement in pain and function with opioids and a "
        "consistent drug screen. The prior weaning recommendation was reasonable at the "
        "time. The request is nonetheless medically necessary at this time.",
        "Overturned",
    ),
    (
        "pass6_h148",
        "Physical therapy 6 sessions for the knee",
        "The guidelines allow 12 visits after meniscectomy. The patient has completed 6 "
        "visits with continued gains in range of motion. The remaining 6 of the 12 "
        "sessions are medically necessary.",
        "Overturned",
    ),
    (
        "pass6_h149",
        "Psychotherapy 10 sessions",
        "The patient has completed an initial 4 sessions with objective functional "
        "improvement. The guidelines allow up to 10 visits in total. This reviewer finds "
        "the request for 10 additional sessions to exceed guidelines and does not find it "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass6_h150",
        "Ibuprofen 800 mg #90",
        "There is no documented functional improvement on ibuprofen, and the patient has a "
        "history of gastric bleeding. I cannot find the ibuprofen 800 mg #90 to be "
        "medically necessary.",
        "Upheld",
    ),
]

# Pass 7 (h/adversary, 2026-12-07), written blind to the rules: 200 full-length rationales in
# many reviewers' voices (terse, verbose, typos, closing notes, second items), as real letters
# read. On the code of that day: 171 right, 2 wrong, 25 abstained although a human reads them.
CASES += [
    (
        "pass7_a7-001",
        "Norco 10/325 mg #120",
        "The MTUS Chronic Pain Medical Treatment Guidelines state that ongoing opioid "
        "management requires documentation of pain relief, functional status, appropriate "
        "medication use, and side effects (the 4 A's). The guidelines further recommend "
        "discontinuation when there is no overall improvement in function. The injured "
        "worker is a 52-year-old male with chronic low back pain following a lifting "
        "injury in 2009. He has been on Norco since at least 2011. The progress note dated "
        "3/12/2014 documents pain of 8/10 with and without medication, and there is no "
        "description of any increase in activity tolerance. No urine drug screen or opioid "
        "agreement is on file. Given the absence of documented functional benefit, the "
        "request for Norco 10/325 mg #120 is not medically necessary. Weaning should be "
        "undertaken per the prescribing physician's discretion.",
        "Upheld",
    ),
    (
        "pass7_a7-002",
        "Physical therapy 2 times a week for 6 weeks for the lumbar spine",
        "Per MTUS, physical medicine for myalgia and myositis unspecified is recommended "
        "at 9-10 visits over 8 weeks, and for radiculitis 8-10 visits over 4 weeks. The "
        "guidelines emphasize fading of treatment frequency plus active self-directed home "
        "exercise. This patient has already completed 24 sessions of PT for the lumbar "
        "spine in 2013 with documented temporary benefit. There's no explanation why she "
        "can't continue with a home exercise program at this point. The requested 12 "
        "visits would exceed guideline recommendations in and of itself. Therefore, the "
        "request is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-003",
        "MRI of the lumbar spine",
        "ACOEM guidelines indicate that unequivocal objective findings that identify "
        "specific nerve compromise on the neurologic examination are sufficient evidence "
        "to warrant imaging in patients who do not respond to treatment and who would "
        "consider surgery an option. The claimant is a 38-year-old warehouse worker "
        "injured on 6/2/2015. He has failed 6 weeks of PT, NSAIDs, and activity "
        "modification. Examination on 8/20/2015 reveals decreased sensation in the L5 "
        "dermatome, weakness of the extensor hallucis longus at 4/5, and a positive "
        "straight leg raise on the right at 40 degrees. He has expressed interest in "
        "surgical consultation should a lesion be identified. No prior lumbar MRI has been "
        "performed. As such, the requested MRI of the lumbar spine is medically necessary "
        "and appropriate.",
        "Overturned",
    ),
    (
        "pass7_a7-004",
        "Cyclobenzaprine 7.5 mg #90",
        "The CA MTUS recommends non-sedating muscle relaxants with caution as a "
        "second-line option for short-term treatment of acute exacerbations in patients "
        "with chronic LBP. Cyclobenzaprine (Flexeril) is recommended for a short course of "
        "therapy, and the effect is greatest in the first 4 days. Records show this "
        "patient has been taking cyclobenzaprine continuously since January 2014, which "
        "far exceeds the recommended short-term use. No acute exacerbation was documented "
        "on the most recent visit. Ninety tablets also implies a 30-day supply at three "
        "times daily. The medical necessity of cyclobenzaprine 7.5 mg #90 is not "
        "established.",
        "Upheld",
    ),
    (
        "pass7_a7-005",
        "Lidoderm 5% patches #30",
        "Lidoderm is the brand name for a lidocaine patch. MTUS states topical lidocaine "
        "may be recommended for localized peripheral pain after there has been evidence of "
        "a trial of first-line therapy (tri-cyclic or SNRI anti-depressants or an AED such "
        "as gabapentin or Lyrica). In this case, the treating physician documents a "
        "diagnosis of post-herpetic neuralgia of the right T8 distribution following "
        "shingles in the setting of the industrial injury. The patient tried gabapentin up "
        "to 1800 mg/day and nortriptyline, both discontinued due to side effects, as "
        "documented in the 5/2015 and 7/2015 notes. The patch was trialed and reduced pain "
        "from 7/10 to 3/10 with improved sleep and ability to tolerate clothing. Based on "
        "the guidelines and the documentation provided, the request for Lidoderm 5% "
        "patches #30 is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-006",
        "Chiropractic treatment 2x4 for the cervical spine",
        "The MTUS Chronic Pain guidelines recommend manual therapy and manipulation for "
        "chronic pain if caused by musculoskeletal conditions, with a trial of 6 visits "
        "over 2 weeks, and with evidence of objective functional improvement, a total of "
        "up to 18 visits over 6-8 weeks. Elective/maintenance care is not medically "
        "necessary. Review of the medical records indicates that the patient has had at "
        "least 18 chiro visits since 2012. There's no documentation of objective "
        "functional improvement from the prior sessions, and no flare-up is described. The "
        "request for 8 additional sessions would be considered maintenance care. "
        "Accordingly, the request for chiropractic treatment 2x4 for the cervical spine is "
        "not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-007",
        "Acupuncture 6 sessions for the right shoulder",
        "The Acupuncture Medical Treatment Guidelines state that acupuncture is used as an "
        "option when pain medication is reduced or not tolerated, and may be used as an "
        "adjunct to physical rehabilitation. Time to produce functional improvement is 3 "
        "to 6 treatments, and acupuncture treatments may be extended if functional "
        "improvement is documented. The patient has right shoulder impingement and has not "
        "had acupuncture before. She reports GI intolerance to NSAIDs and is participating "
        "in a home exercise program. An initial trial of 6 treatments falls squarely "
        "within the guidelines. The request is medically necessary. Additional sessions "
        "would require documentation of functional improvement.",
        "Overturned",
    ),
    (
        "pass7_a7-008",
        "Omeprazole 20 mg #60",
        "According to the MTUS, proton pump inhibitors are recommended for patients at "
        "intermediate or high risk for gastrointestinal events with NSAID use. Risk "
        "factors include age > 65, history of peptic ulcer, GI bleeding or perforation, "
        "concurrent use of ASA, corticosteroids, and/or an anticoagulant, or high "
        "dose/multiple NSAIDs. The records submitted for review do not document any of "
        "these risk factors. The patient is 44 years old and takes naproxen 550 mg twice "
        "daily, with no GI complaints noted in the last three progress reports. Therefore "
        "omeprazole 20 mg #60 is not supported as medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-009",
        "Ambien 10 mg #30",
        "The MTUS is silent on zolpidem; ODG was consulted. ODG states that zolpidem "
        "(Ambien) is a short-acting nonbenzodiazepine hypnotic, which is approved for the "
        "short-term (usually two to six weeks) treatment of insomnia. Proper sleep hygiene "
        "is critical to the individual with chronic pain and often is hard to obtain. "
        "Various medications may provide short-term benefit, but while sleeping pills, "
        "so-called minor tranquilizers, and anti-anxiety agents are commonly prescribed in "
        "chronic pain, pain specialists rarely, if ever, recommend them for long-term use. "
        "The patient has been taking Ambien for over a year according to the records. "
        "There is no documentation of a sleep evaluation or of sleep hygiene education. "
        "Ambien 10 mg #30 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-010",
        "Electromyography (EMG) of the bilateral lower extremities",
        "ACOEM states that electromyography, including H-reflex tests, may be useful to "
        "identify subtle focal neurologic dysfunction in patients with low back symptoms "
        "lasting more than three or four weeks. ODG notes that EMGs are not necessary if "
        "radiculopathy is already clinically obvious. The injured worker complains of "
        "bilateral leg numbness of uncertain distribution. The neurological exam is "
        "equivocal, with patchy sensory loss not following a dermatomal pattern and "
        "symmetric reflexes. The MRI of 1/2016 showed mild multilevel disc bulging without "
        "definite nerve root compression. Given this equivocal picture, electrodiagnostic "
        "studies would help clarify whether a radiculopathy or peripheral neuropathy is "
        "present. I find the EMG of the bilateral lower extremities to be medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-011",
        "Nerve conduction velocity (NCV) study of the bilateral lower extremities",
        "ODG states that there is minimal justification for performing nerve conduction "
        "studies when a patient is presumed to have symptoms on the basis of "
        "radiculopathy. In this case the treating provider's stated reason for the study "
        "is to confirm an L5 radiculopathy. There's no suggestion in the records of "
        "diabetes, peripheral neuropathy, entrapment neuropathy or other condition that "
        "NCS would be needed to rule out. NCV of the bilateral lower extremities is thus "
        "not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-012",
        "Lumbar epidural steroid injection at L4-5",
        "The MTUS recommends epidural steroid injections as an option for treatment of "
        "radicular pain, defined as pain in dermatomal distribution with corroborative "
        "findings of radiculopathy. Radiculopathy must be documented by physical "
        "examination and corroborated by imaging studies and/or electrodiagnostic testing, "
        "and the patient must be initially unresponsive to conservative treatment. The "
        "4/14/2014 PR-2 documents right lower extremity pain radiating into the lateral "
        "calf and dorsum of the foot, diminished sensation in the L5 distribution, and a "
        "positive SLR. MRI dated 2/2014 shows a right paracentral disc protrusion at L4-5 "
        "with impingement upon the traversing right L5 nerve root. She has failed PT, "
        "NSAIDs and gabapentin. No prior epidural injection has been done. The criteria "
        "are met. Therefore, the requested lumbar epidural steroid injection at L4-5 is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-013",
        "Repeat lumbar epidural steroid injection at L5-S1",
        "Per MTUS, in the therapeutic phase, repeat blocks should be based on continued "
        "objective documented pain and functional improvement, including at least 50% pain "
        "relief with associated reduction of medication use for six to eight weeks. The "
        "patient underwent an L5-S1 ESI on 9/10/2015. The follow up note from 10/1/2015 "
        'states the injection "helped some" but the pain score is recorded at 6/10 '
        "compared to 7/10 before. There was no reduction in medication use; the patient "
        "continues on the same dose of tramadol. The duration of relief is not described. "
        "As the criteria for a repeat injection are not satisfied, the request is "
        "non-certified.",
        "Upheld",
    ),
    (
        "pass7_a7-014",
        "Tramadol ER 150 mg #30",
        "Tramadol is a centrally acting synthetic opioid analgesic and the guidelines "
        "require ongoing review and documentation of pain relief, functional status, "
        "appropriate medication use, and side effects. The records from Dr. Smith dated "
        "4/2016 through 8/2016 consistently document that tramadol ER reduces the "
        "patient's pain from 8/10 to 4/10, allowing her to walk for 30 minutes and perform "
        "light housework. CURES report was reviewed and is consistent, and a UDS from June "
        "2016 was appropriate. There are no aberrant behaviors and no side effects other "
        "than mild constipation. A signed pain agreement is on file. In light of this "
        "documentation, continued tramadol ER 150 mg #30 is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-015",
        "Functional restoration program, 160 hours",
        "MTUS guidelines recommend functional restoration programs for patients with "
        "chronic disabling pain who meet criteria, including that an adequate and thorough "
        "evaluation has been made with baseline functional testing, previous methods of "
        "treating chronic pain have been unsuccessful, the patient has significant loss of "
        "ability to function independently, the patient is not a candidate for surgery, "
        "the patient exhibits motivation to change, and negative predictors of success "
        "have been addressed. Treatment is not suggested for longer than 2 weeks without "
        "evidence of demonstrated efficacy. The patient underwent a multidisciplinary "
        "evaluation on 11/3/2016 and appears to meet most of the selection criteria. "
        "However, the request for 160 hours (4 weeks) exceeds the guideline recommendation "
        "of an initial 2-week trial (80 hours) with reassessment for efficacy. Since the "
        "request as submitted cannot be partially certified under IMR, the request for a "
        "functional restoration program, 160 hours, is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-016",
        "Urine drug screen",
        "The MTUS recommends using a urine drug screen to assess for the use or the "
        "presence of illegal drugs, and as a step to take before a therapeutic trial of "
        "opioids and for ongoing management. ODG suggests that patients at low risk of "
        "addiction/aberrant behavior should be tested within six months of initiation of "
        "therapy and on a yearly basis thereafter. The patient is currently prescribed "
        "hydrocodone and has not had a drug screen documented in the past 14 months. Thus, "
        "the request for a urine drug screen is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-017",
        "Retrospective urine drug screen (DOS 3/4/2015)",
        "The MTUS recommends drug testing as an option to assess for the use or presence "
        "of illegal drugs. ODG guidelines indicate that patients at low risk for addiction "
        "should be tested within 6 months of initiation of therapy and yearly thereafter. "
        "Records indicate this patient had urine drug screens performed on 10/2014, "
        "12/2014, 1/2015, and then again on 3/4/2015. All prior screens were consistent "
        "with prescribed medications. There is no documentation of aberrant drug-related "
        "behavior or other factors that would place him in a moderate- or high-risk "
        "category. The frequency of testing is not supported. The retrospective urine drug "
        "screen performed on 3/4/2015 was not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-018",
        "Right knee arthroscopy with partial medial meniscectomy",
        "ACOEM guidelines state that arthroscopic partial meniscectomy usually has a high "
        "success rate for cases in which there is clear evidence of a meniscus tear: "
        "symptoms other than simply pain (locking, popping, giving way, recurrent "
        "effusion), clear signs of a bucket handle tear on examination (tenderness over "
        "the suspected tear but not over the entire joint line, and perhaps lack of full "
        "passive flexion), and consistent findings on MRI. The patient is a 41-year-old "
        "male with mechanical symptoms of locking and catching in the right knee since a "
        "fall from a ladder on 2/11/2017. Exam notes medial joint line tenderness, "
        "positive McMurray's, and a small effusion. MRI demonstrates a displaced flap tear "
        "of the posterior horn of the medial meniscus with minimal degenerative change. He "
        "has failed 8 weeks of PT and a corticosteroid injection. The requested surgery is "
        "indicated. The request for right knee arthroscopy with partial medial "
        "meniscectomy is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-019",
        "Post-operative physical therapy 3x4 for the right knee",
        "Since the primary procedure (right knee arthroscopy) was not found to be "
        "medically necessary in this review, none of the associated services are medically "
        "necessary. Accordingly, the request for post-operative physical therapy 3x4 for "
        "the right knee is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-020",
        "Pre-operative medical clearance including EKG, CBC, and chest x-ray",
        "ODG indicates that preoperative testing should be guided by the patient's "
        "clinical history, comorbidities, and physical examination findings. An "
        "electrocardiogram is recommended for patients undergoing high-risk surgery and "
        "those undergoing intermediate-risk surgery who have additional risk factors. The "
        "associated surgical request, a right carpal tunnel release, has been certified. "
        "The patient is a 63-year-old with hypertension and type 2 diabetes, and is on "
        "lisinopril and metformin. Given his age and comorbidities, a preoperative EKG, "
        "CBC and chest x-ray are reasonable. As such, the request is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-021",
        "Home health care 4 hours per day, 7 days per week for 6 weeks",
        "MTUS recommends home health services only for otherwise recommended medical "
        "treatment for patients who are homebound, on a part-time or intermittent basis, "
        "generally up to no more than 35 hours per week. Medical treatment does not "
        "include homemaker services like shopping, cleaning, and laundry, and personal "
        "care given by home health aides like bathing, dressing, and using the bathroom "
        "when this is the only care needed. The request here is for 28 hours per week. The "
        "treating physician's note states the aide is needed to assist the patient with "
        "cooking, cleaning and errands. There is no indication the patient is homebound or "
        "that any skilled medical care is required. The request for home health care is "
        "not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-022",
        "Psychological evaluation",
        "The MTUS recommends psychological evaluations as a well-established diagnostic "
        "procedure not only with selected use in pain problems, but also with more "
        "widespread use in chronic pain populations. Diagnostic evaluations should "
        "distinguish between conditions that are preexisting, aggravated by the current "
        "injury, or work related. The patient has chronic neck pain of three years' "
        "duration and the treating physician notes symptoms of depression, anhedonia, and "
        "poor sleep, with a PHQ-9 score of 16. No prior psychological evaluation has taken "
        "place. Given the chronicity of pain and the documented depressive symptoms, a "
        "psychological evaluation is appropriate and medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-023",
        "Cognitive behavioral therapy, 12 sessions",
        "The MTUS recommends behavioral interventions for chronic pain. Guidelines suggest "
        "an initial trial of 3-4 psychotherapy visits over 2 weeks, and with evidence of "
        "objective functional improvement, a total of up to 6-10 visits over 5-6 weeks "
        "(individual sessions). The patient was diagnosed with depressive disorder due to "
        "chronic pain at a psychological evaluation on 2/2/2015. No CBT has yet been "
        "provided. While an initial trial of CBT is clearly indicated, the request for 12 "
        "sessions exceeds the recommended initial trial of 3-4 sessions and also exceeds "
        "the total of 6-10 sessions. Modification is not permitted by this process. The "
        "request for 12 sessions of CBT is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-024",
        "Naproxen sodium 550 mg #60",
        "MTUS recommends NSAIDs at the lowest dose for the shortest period in patients "
        "with moderate to severe pain for osteoarthritis and as an option for short-term "
        "symptomatic relief of chronic low back pain. In this case, the patient has "
        "documented osteoarthritis of the left knee with flares. The progress note states "
        "the naproxen allows him to continue working modified duty and reduces pain by 3 "
        "points. Renal function testing from 2/2016 is normal. No GI side effects are "
        "reported. The continued use of naproxen is appropriate, so the request for "
        "Naproxen sodium 550 mg #60 is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-025",
        "TENS unit purchase",
        "MTUS does not recommend TENS as a primary treatment modality, but a one-month "
        "home-based TENS trial may be considered as a noninvasive conservative option, if "
        "used as an adjunct to a program of evidence-based functional restoration. "
        "Criteria for purchase include documentation of a one-month trial period of the "
        "TENS unit with documentation of how often the unit was used, as well as outcomes "
        "in terms of pain relief and function. The records do not document that a one "
        "month trial has taken place. Purchase without a trial is not consistent with the "
        "guidelines. The request for a TENS unit purchase is therefore not medically "
        "necessary. A one-month rental trial could be considered.",
        "Upheld",
    ),
    (
        "pass7_a7-026",
        "Cervical pillow",
        "ODG recommends use of a neck support pillow while sleeping, in conjunction with "
        "daily exercise. The patient has chronic cervical strain and has been instructed "
        "in a home exercise program which he performs daily, per the PT discharge summary. "
        "Requesting physician indicates sleep disruption due to neck pain. Given that the "
        "guideline criteria are met, the cervical pillow is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-027",
        "Hot/cold therapy unit, 30-day rental",
        "ODG recommends continuous-flow cryotherapy as an option after surgery, but not "
        "for nonsurgical treatment. Postoperative use generally may be up to 7 days, "
        "including home use. In the postoperative setting, continuous-flow cryotherapy "
        "units have been proven to decrease pain, inflammation, swelling, and narcotic "
        "usage. This patient underwent right shoulder arthroscopic subacromial "
        "decompression on 5/5/2016. The request for a 30-day rental exceeds the 7-day "
        "duration recommended by ODG. Therefore, the request as written is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-028",
        "Gabapentin 600 mg #90",
        "Antiepilepsy drugs are recommended for neuropathic pain (pain due to nerve "
        "damage). Gabapentin has been shown to be effective for treatment of diabetic "
        "painful neuropathy and postherpetic neuralgia and has been considered as a "
        "first-line treatment for neuropathic pain. After initiation, there should be "
        "documentation of pain relief and improvement in function as well as documentation "
        "of side effects. The patient has clinical findings of a right C6 radiculopathy "
        "with EMG confirmation. The 6/2017 note states gabapentin decreases the burning "
        "pain in her arm by approximately 50% and she is sleeping better. The requested "
        "Gabapentin 600 mg #90 is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-029",
        "Soma 350 mg #60",
        "MTUS does not recommend Carisoprodol (Soma). This medication is not indicated for "
        "long-term use. Carisoprodol is a commonly prescribed, centrally acting skeletal "
        "muscle relaxant whose primary active metabolite is meprobamate (a schedule-IV "
        "controlled substance). Abuse has been noted for sedative and relaxant effects, "
        "and in combination with hydrocodone, an effect that some abusers claim is similar "
        "to heroin. This patient is taking Soma along with Norco. The documentation does "
        "not support an exception to guidelines. Not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-030",
        "Compounded topical cream: flurbiprofen 20%, cyclobenzaprine 4%, lidocaine 5%, 180 grams",
        "The MTUS Chronic Pain Guidelines state that topical analgesics are largely "
        "experimental in use with few randomized controlled trials to determine efficacy "
        "or safety. Any compounded product that contains at least one drug (or drug class) "
        "that is not recommended is not recommended. There is no evidence for use of any "
        "muscle relaxant as a topical product. Lidocaine is only recommended in the "
        "formulation of the Lidoderm patch; no other commercially approved topical "
        "formulation of lidocaine (whether creams, lotions or gels) is indicated for "
        "neuropathic pain. Since this compound contains cyclobenzaprine and lidocaine "
        "cream, neither of which is recommended, the entire compound is not recommended. "
        "The request is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-031",
        "Voltaren 1% gel 100 g with 2 refills",
        "Per MTUS, topical NSAIDs such as Voltaren gel are indicated for relief of "
        "osteoarthritis pain in joints that lend themselves to topical treatment (ankle, "
        "elbow, foot, hand, knee, and wrist). It has not been evaluated for treatment of "
        "the spine, hip or shoulder. The progress report dated 9/21/2016 indicates that "
        "the gel is being applied to the lumbar spine. There is no diagnosis of "
        "osteoarthritis of a peripheral joint. As such, Voltaren 1% gel 100 g with 2 "
        "refills is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-032",
        "Oxycontin 40 mg #90",
        "The MTUS recommends that dosing not exceed 120 mg oral morphine equivalents per "
        "day, and for patients taking more than one opioid, the morphine equivalent doses "
        "of the different opioids must be added together. The patient is on Oxycontin 40 "
        "mg TID in addition to oxycodone IR 15 mg up to four times daily, which totals "
        "approximately 270 MED. There is no documentation of objective functional "
        'improvement; the most recent note states she remains "mostly bedbound." A urine '
        "drug screen on 7/2015 was negative for oxycodone, an inconsistency that was not "
        "addressed. Given the high MED, lack of function, and the inconsistent UDS, "
        "continued use is not supported. The request for Oxycontin 40 mg #90 is not "
        "medically necessary. A slow taper is recommended to avoid withdrawal.",
        "Upheld",
    ),
    (
        "pass7_a7-033",
        "Norco 10/325 mg #90",
        "Regarding Norco, the patient had been on this medication for 2 years. MTUS "
        "requires the documentation of the 4 A's for continued opioid use. The records "
        "from 1/2014 to 5/2014 reveal a pain level of 9/10 at each visit with no "
        "indication of what the pain level is with medication. There's no discussion of "
        "functional improvement or aberrant behaviors. The request for Norco 10/325 mg #90 "
        "was modified by UR to #60 for weaning purposes. I agree with the UR determination "
        "that continued opioid therapy without documentation is not appropriate. The "
        "request for Norco 10/325 mg #90 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-034",
        "Physical therapy x 8 sessions for the left wrist",
        "The patient underwent left carpal tunnel release on 3/3/2015. The MTUS "
        "Postsurgical Treatment Guidelines support 3-8 visits over 3-5 weeks after carpal "
        "tunnel release, with a postsurgical physical medicine treatment period of 3 "
        "months. Initial course of therapy means one half of the number of visits "
        "specified in the general course of therapy for the specific surgery. She has had "
        "no post-op therapy to date. Per guidelines, the initial course would be 4 visits, "
        "so the request for 8 visits exceeds the initial course recommendation. The "
        "request for physical therapy x 8 sessions is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-035",
        "X-ray of the cervical spine",
        "ACOEM states that for most patients presenting with true neck or upper back "
        "problems, special studies are not needed unless a three- or four-week period of "
        "conservative care and observation fails to improve symptoms. Criteria for "
        "ordering imaging studies are emergence of a red flag, physiologic evidence of "
        "tissue insult or neurologic dysfunction, failure to progress in a strengthening "
        "program intended to avoid surgery, or clarification of the anatomy prior to an "
        "invasive procedure. The patient has had neck pain for 5 months despite PT and "
        "medications. No radiographs of the neck have been performed since the date of "
        "injury. In light of the failure of conservative care, plain films of the cervical "
        "spine are reasonable. X-ray of the cervical spine is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-036",
        "Bilateral L4-5 and L5-S1 medial branch blocks",
        "ODG criteria for use of diagnostic blocks for facet-mediated pain include that "
        "the patient has low-back pain that is non-radicular, that no more than two levels "
        "are injected bilaterally, and that there is documentation of failure of "
        "conservative treatment (including home exercise, PT and NSAIDs) prior to the "
        "procedure for at least 4-6 weeks. The patient has axial low back pain worse with "
        "extension and rotation, paraspinal tenderness over L4-S1 and a negative straight "
        "leg raise bilaterally. She has failed 12 sessions of PT and anti-inflammatories. "
        "There is no prior fusion at these levels. The criteria are met and the bilateral "
        "L4-5 and L5-S1 medial branch blocks are medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-037",
        "Ultram 50 mg #120",
        "I have reviewed the records. Guidelines want the 4 A's. They are not here. No VAS "
        "with and without med, no function, no UDS, no CURES. Dr. note 2/12/14 just says "
        "'refill meds.' Ultram 50 mg #120 not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-038",
        "Motorized scooter",
        "The MTUS Chronic Pain guidelines state power mobility devices are not recommended "
        "if the functional mobility deficit can be sufficiently resolved by the "
        "prescription of a cane or walker, or the patient has sufficient upper extremity "
        "function to propel a manual wheelchair, or there is a caregiver who is available, "
        "willing, and able to provide assistance with a manual wheelchair. The patient "
        "ambulates with a single point cane per the 10/2014 exam and her upper extremity "
        "strength is 5/5 bilaterally. Early exercise, mobilization and independence should "
        "be encouraged at all steps of the injury recovery process. Thus a motorized "
        "scooter is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-039",
        "Cervical spine MRI",
        "The ACOEM guidelines support an MRI of the cervical spine when there is "
        "physiologic evidence of tissue insult or neurologic dysfunction, failure to "
        "progress in a strengthening program, or clarification of anatomy prior to an "
        "invasive procedure. The claimant had an MRI of the cervical spine on 4/9/2013 "
        "which showed C5-6 disc degeneration with a 2 mm bulge. ODG indicates repeat MRI "
        "is not routinely recommended and should be reserved for a significant change in "
        "symptoms and/or findings suggestive of significant pathology. The current exam "
        "from 7/2015 is unchanged from prior with non-dermatomal pain and intact strength "
        "and reflexes. There is no red flag. Repeat MRI is not warranted, and the request "
        "is therefore not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-040",
        "Norco 5/325 mg #60",
        "The request for Norco 5/325 mg #60 is medically necessary. The MTUS guidelines "
        "support continued opioid use when the patient has returned to work or has "
        "improved functioning and pain. In this case the injured worker has returned to "
        "full duty as a truck mechanic and the treating provider documents that he uses "
        "one to two tablets daily, primarily on workdays, with pain decreasing from 7/10 "
        "to 3/10. Urine toxicology from 8/2018 was consistent. There are no red flags for "
        "misuse. The dose is low, at 10-20 MED.",
        "Overturned",
    ),
    (
        "pass7_a7-041",
        "Celebrex 200 mg #30",
        "Celebrex is a COX-2 selective NSAID and guidelines indicate it may be considered "
        "if the patient has a risk of GI complications. The patient is 68 years old with a "
        "prior history of a bleeding gastric ulcer in 2010 and is on low dose aspirin for "
        "cardiac prophylaxis, so she is at high GI risk. She has knee osteoarthritis with "
        "documented benefit from anti-inflammatory therapy; she reports being able to walk "
        "her dog twice daily. Cardiovascular risk has been considered by her cardiologist "
        "who approved the medication. Given this, Celebrex is appropriate for this "
        "patient. Medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-042",
        "Physical therapy 12 visits for the right shoulder",
        "Pt is a 47 yo F w/ R shoulder pain after repetitive overhead work. She has had no "
        "PT for this injury to date. MTUS allows 9-10 visits over 8 weeks for "
        "myalgia/myositis. Exam shows painful arc, positive Neer and Hawkins, strength "
        "4+/5. The request for 12 visits exceeds guideline recommendations by 2 visits and "
        "there are no extenuating circumstances documented. While some PT is clearly "
        "indicated, the request as written is not certified. The request for physical "
        "therapy 12 visits for the right shoulder is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-043",
        "Zanaflex 4 mg #60",
        "Tizanidine (Zanaflex) is a centrally acting alpha2-adrenergic agonist that is FDA "
        "approved for management of spasticity; unlabeled use for low back pain. MTUS "
        "recommends non-sedating muscle relaxants with caution as a second-line option for "
        "short-term treatment of acute exacerbations. The records indicate this patient "
        "has been taking Zanaflex since at least 2013. There are no recent liver function "
        "tests documented, which the guidelines recommend monitoring at baseline, 1, 3, "
        "and 6 months. The long term use is not supported. Therefore the request for "
        "Zanaflex 4 mg #60 is not medically necessary. The prescribing physician should "
        "consider tapering.",
        "Upheld",
    ),
    (
        "pass7_a7-044",
        "Sleep study (polysomnography)",
        "ODG recommends polysomnography after at least six months of an insomnia complaint "
        "(at least four nights a week), unresponsive to behavior intervention and "
        "sedative/sleep-promoting medications, and after psychiatric etiology has been "
        "excluded. A sleep study for the sole complaint of snoring, without one of the "
        "other symptoms listed, is not recommended. In this case, the treating physician "
        "reports that the patient has difficulty sleeping due to pain. There is no "
        "documentation of excessive daytime somnolence, cataplexy, morning headache, "
        "intellectual deterioration, or personality change. A trial of behavioral "
        "intervention has not been documented. Based on these factors, I am upholding the "
        "previous denial.",
        "Upheld",
    ),
    (
        "pass7_a7-045",
        "Trazodone 50 mg #30",
        "Trazodone is a sedating antidepressant and ODG states it is an option for "
        "insomnia in patients with potentially coexisting mild psychiatric symptoms such "
        "as depression or anxiety. The patient carries a diagnosis of depression secondary "
        "to chronic pain and reports insomnia with 3-4 hours of sleep per night. He has "
        "failed sleep hygiene measures per the psychologist's note of 4/4/2017. The "
        "treating physician documents that the trazodone has improved his sleep to 6 hours "
        "per night. Accordingly, trazodone 50 mg #30 is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-046",
        "Left shoulder arthroscopic subacromial decompression",
        "Surgical considerations for impingement syndrome per ACOEM include conservative "
        "care, including cortisone injections, for three to six months before considering "
        "surgery. ODG criteria for anterior acromioplasty include 3-6 months of "
        "conservative care plus weak or absent abduction, pain with active arc motion 90 "
        "to 130 degrees, pain at night, a positive impingement sign with a positive "
        "diagnostic injection test, and imaging evidence of impingement. This patient has "
        "had only 3 weeks of physical therapy and no subacromial injection. The MRI shows "
        "mild supraspinatus tendinosis without a tear. Surgery at this point is premature. "
        "The left shoulder arthroscopic subacromial decompression is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-047",
        "Assistant surgeon",
        "As the underlying surgical procedure, the left shoulder arthroscopic subacromial "
        "decompression, has not been found medically necessary, the request for an "
        "assistant surgeon is likewise not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-048",
        "Fluoxetine 20 mg #30",
        "MTUS states selective serotonin reuptake inhibitors are not recommended as a "
        "treatment for chronic pain, but SSRIs may have a role in treating secondary "
        "depression. The patient has been diagnosed with major depressive disorder, "
        "moderate, secondary to her industrial injury by the QME psychiatrist. She is "
        "followed by a psychiatrist who notes improvement in mood and PHQ-9 score from 18 "
        "to 9 on fluoxetine. Since the medication is being used for depression with a "
        "demonstrated response, the request for Fluoxetine 20 mg #30 is medically "
        "necessary and appropriate.",
        "Overturned",
    ),
    (
        "pass7_a7-049",
        "Retrospective request for Toradol 60 mg IM injection (DOS 5/2/2016)",
        "The MTUS states that Ketorolac is not indicated for minor or chronic painful "
        "conditions. ODG indicates that Toradol IM injection may be an alternative to "
        "opioid therapy for acute pain in the emergency setting. The patient was seen on "
        "5/2/2016 for a routine follow-up of chronic lumbar pain of 3 years duration. "
        "There was no acute exacerbation or new injury documented. Administration of IM "
        "Toradol in this setting is not supported. The request was not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-050",
        "Aquatic therapy 2x6 for the lumbar spine",
        "MTUS recommends aquatic therapy as an optional form of exercise therapy, where "
        "available, as an alternative to land-based physical therapy. Aquatic therapy can "
        "minimize the effects of gravity, so it is specifically recommended where reduced "
        "weight bearing is desirable, for example extreme obesity. The patient has a BMI "
        "of 44 and bilateral knee osteoarthritis in addition to her lumbar strain. She was "
        "unable to tolerate land-based therapy per the PT note of 6/2/2014 due to knee "
        "pain. The guidelines allow 9-10 visits. The request for 12 visits exceeds this. "
        "Although aquatic therapy is indicated for this patient, the number of visits "
        "requested is in excess of the guidelines and therefore the request is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-051",
        "Interferential current stimulator (ICS) rental x 1 month",
        "MTUS indicates that interferential current stimulation is not recommended as an "
        "isolated intervention. There is no quality evidence of effectiveness except in "
        "conjunction with recommended treatments, including return to work, exercise and "
        "medications. Possibly appropriate if pain is ineffectively controlled due to "
        "diminished effectiveness of medications, or due to side effects, history of "
        "substance abuse, or unresponsiveness to conservative measures; if those criteria "
        "are met, a one-month trial may be appropriate. This patient has a history of "
        "opioid use disorder in remission and is not able to take opioids, and NSAIDs "
        "caused gastritis. She is engaged in a home exercise program. A one-month trial is "
        "reasonable. The request is certified.",
        "Overturned",
    ),
    (
        "pass7_a7-052",
        "Orthopedic spine surgeon consultation",
        "ACOEM states referral for surgical consultation is indicated for patients who "
        "have severe and disabling lower leg symptoms in a distribution consistent with "
        "abnormalities on imaging studies, activity limitations due to radiating leg pain "
        "for more than one month, clear clinical, imaging and electrophysiologic evidence "
        "of a lesion that has been shown to benefit in both the short and long term from "
        "surgical repair, and failure of conservative treatment. The patient has "
        "progressive left foot drop with 3/5 dorsiflexion strength documented on "
        "11/2/2016, worsened from 4/5 in September. MRI shows a large extruded L4-5 disc "
        "fragment. A spine surgery consultation is warranted, the request is medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-053",
        "Norco 10/325 mg #180",
        "The patient is a 59-year-old woman with failed back surgery syndrome. She is on "
        "Norco 10/325 six times a day, which equals 60 mg MED. Her physician has "
        "documented VAS 9/10 without and 5/10 with medication, and the ability to do her "
        "own grocery shopping and self-care while on the medication. There is an opioid "
        "agreement, a consistent UDS from 1/2015 and no adverse effects. These notes "
        "satisfy the 4 A's. However, the 180 tablets of Norco 10/325 contain 58.5 grams of "
        "acetaminophen per month, i.e. 1950 mg per day, which is within the 4 gram limit. "
        "I would therefore overturn the prior UR decision. The requested Norco is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-054",
        "Topical Terocin patches #30",
        "Terocin patches contain menthol 4% and lidocaine 4%. Per MTUS, topical lidocaine "
        "is only recommended in the form of Lidoderm patch for localized peripheral pain "
        "after a trial of first-line therapy. Other formulations of lidocaine are not "
        "recommended. In this case, there's no documentation of a trial and failure of "
        "first line agents like gabapentin or an antidepressant. Also the patch is being "
        "used for low back pain which is not localized peripheral pain. Guidelines do not "
        "support. Non-certified.",
        "Upheld",
    ),
    (
        "pass7_a7-055",
        "Lumbar fusion at L4-5 and L5-S1 with 3-day inpatient stay",
        "ACOEM states that spinal fusion is not recommended in the absence of fracture, "
        "dislocation, complications of tumor or infection. ODG criteria for fusion include "
        "instability, i.e. segmental instability with excessive motion as in degenerative "
        "spondylolisthesis, and a psychosocial screen prior to surgery. Flexion-extension "
        "radiographs from 3/2017 do not demonstrate instability. There is no "
        "spondylolisthesis on MRI, which shows degenerative disc disease at L4-5 and "
        "L5-S1. A psychological pre-surgical screen has not been performed. The request "
        "for lumbar fusion with a 3-day inpatient stay is not supported as medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-056",
        "Lumbar brace",
        "ACOEM states lumbar supports have not been shown to have any lasting benefit "
        "beyond the acute phase of symptom relief. ODG does not recommend lumbar supports "
        "for prevention; they may be an option for treatment of compression fractures, "
        "spondylolisthesis, documented instability, and for treatment of nonspecific LBP "
        "(very low-quality evidence, but may be a conservative option). This patient's "
        "injury was 4 years ago and she has non-specific low back pain without "
        "instability. The lumbar brace is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-057",
        "Hydrocodone/APAP 10/325 mg #120 and Flexeril 10 mg #60",
        "Regarding hydrocodone/APAP, the patient has documented functional benefit with "
        "medication, including ability to continue part time work and a consistent urine "
        "drug screen, and the treating physician has been appropriately monitoring. This "
        "portion of the request would be supported. Regarding Flexeril, there is no "
        "evidence of an acute exacerbation of the patient's chronic back pain and the "
        "medication has been prescribed for over a year. Flexeril is not supported for "
        "long-term use. Since the IMR process requires a decision on the request as a "
        "whole and one component is not supported, the request for Hydrocodone/APAP 10/325 "
        "mg #120 and Flexeril 10 mg #60 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-058",
        "Hydrocodone/APAP 10/325 mg #120",
        "Regarding hydrocodone/APAP, the patient has documented functional benefit with "
        "medication, including ability to continue part time work and consistent urine "
        "drug screening results. The treating physician documents pain decreasing from "
        "8/10 to 4/10 with medication and no adverse effects or aberrant behaviors. The 4 "
        "A's are satisfied. The request for Hydrocodone/APAP is medically necessary. "
        "Regarding the separately requested Flexeril 10 mg #60, there is no evidence of an "
        "acute exacerbation, and that request is not medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-059",
        "Flexeril 10 mg #60",
        "Regarding hydrocodone/APAP, the patient has documented functional benefit with "
        "medication, including ability to continue part time work, and that medication is "
        "medically necessary. Regarding Flexeril, MTUS recommends muscle relaxants only as "
        "a second line option for short term treatment of acute exacerbations. There is no "
        "evidence of an acute exacerbation of the patient's chronic back pain and the "
        "medication has been prescribed for over a year. Therefore, Flexeril 10 mg #60 is "
        "not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-060",
        "Physical therapy 2x3 for the cervical spine",
        "Per the guidelines, 9-10 visits of PT are supported for myalgia. This patient "
        "with cervical strain from a MVA on 12/4/2018 has completed 6 visits of PT with "
        "improvement in cervical range of motion from 40 to 60 degrees of rotation and a "
        "reduction in NDI score from 42% to 28%. She continues to have deficits and the "
        "provider is requesting 6 more visits, which would total 12. While this exceeds "
        "the guideline recommendation by 2 visits, given the documented objective "
        "functional improvement and the remaining deficits, I find that the additional "
        "therapy is reasonable in this case. The request for physical therapy 2x3 for the "
        "cervical spine is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-061",
        "Prilosec 20 mg #30",
        "MTUS supports PPI use for patients at intermediate risk for GI events. The "
        "patient takes ibuprofen 800 mg three times daily, and the progress report dated "
        "6/18/2015 documents complaints of dyspepsia and heartburn attributed to the "
        "NSAID. The treating physician has prescribed Prilosec to address these "
        "NSAID-induced GI symptoms. In light of these findings, Prilosec 20 mg #30 is "
        "medically appropriate.",
        "Overturned",
    ),
    (
        "pass7_a7-062",
        "Ranitidine 150 mg #60",
        "H2 blockers may be used for dyspepsia related to NSAID use. However, in this case "
        "the patient is no longer taking any NSAID as of the 3/2016 progress note, which "
        "states that ibuprofen was discontinued due to elevated creatinine. There are no "
        "current GI complaints. There is no clear indication for the continued use of "
        "ranitidine. The request is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-063",
        "Home exercise kit",
        "ODG recommends exercise programs but does not support purchase of exercise "
        "equipment, as there's no evidence that equipment is necessary to perform a home "
        'exercise program. The requested "home exercise kit" is not described in the '
        "records. It is unclear what items it consists of or why the patient cannot "
        "perform a home exercise program without it. The request is not supported.",
        "Upheld",
    ),
    (
        "pass7_a7-064",
        "Tramadol 50 mg #60 with 1 refill",
        "The CA MTUS recommends tramadol for moderate to severe pain, second line, when "
        "first line medications have not been successful. The patient has been on tramadol "
        'since the injury in 2015. The most recent progress report notes, "pain 6/10, '
        'medications help." There is no quantification of pain relief, no description of '
        "objective functional gains, no urine drug testing, and no discussion of side "
        "effects. Without such documentation, continued use is not supported. The request "
        "for tramadol 50 mg #60 with 1 refill is not medically necessary. Of note, the "
        "prior reviewer allowed a partial certification to permit weaning and I agree with "
        "weaning.",
        "Upheld",
    ),
    (
        "pass7_a7-065",
        "Computerized range of motion and muscle testing",
        "The ACOEM guidelines do not recommend computerized measures of lumbar spine range "
        "of motion, which can be done with inclinometers. There is no clear rationale "
        "provided for why standard examination including manual muscle testing and "
        "goniometry would be insufficient. The patient's physical examination is "
        "documented in detail at each monthly visit. Therefore the request for "
        "computerized range of motion and muscle testing is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-066",
        "Functional capacity evaluation",
        "ACOEM guidelines support consideration of a functional capacity evaluation when "
        "necessary to translate medical impairment into functional limitations and "
        "determine work capability. ODG recommends an FCE if the case management is "
        "hampered by complex issues such as prior unsuccessful return to work attempts or "
        "conflicting medical reporting on precautions, and if the patient is close to or "
        "at MMI. The records indicate that the patient has been declared permanent and "
        "stationary by the PTP as of 9/2017 and that her employer reports that two "
        "previous attempts to return her to modified duty have failed. The PTP notes that "
        "objective work restrictions are needed to determine whether she can return to her "
        "usual and customary position. The FCE is indicated and therefore medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-067",
        "Work hardening program, 10 sessions",
        "MTUS criteria for a work conditioning or work hardening program include a "
        "work-related musculoskeletal condition with functional limitations precluding "
        "ability to safely achieve current job demands, an FCE, a defined return to work "
        "goal agreed to by the employer and employee, and that the worker must be no more "
        "than 2 years past date of injury. The date of injury in this case is 2/2/2011, "
        "more than 4 years ago. There is no documented job to return to, as the patient "
        "was terminated in 2012. Also, no FCE has been performed. The criteria are not "
        "met, and the request is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-068",
        "Right carpal tunnel release",
        "CA MTUS ACOEM states carpal tunnel release surgery should be delayed until a "
        "definitive diagnosis of CTS is made by history, physical examination and possibly "
        "electrodiagnostic studies. Surgical decompression of the median nerve usually "
        "relieves CTS symptoms. The patient has numbness in the right thumb, index and "
        "middle fingers with nocturnal awakening, positive Phalen's and Tinel's at the "
        "wrist, and thenar atrophy. NCS dated 8/1/2014 shows a prolonged median distal "
        "motor latency of 6.2 ms and absent median sensory response, consistent with "
        "severe carpal tunnel syndrome. Splinting and a steroid injection provided only "
        "temporary relief. With this being the case, the surgery is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-069",
        "DME: wrist splint",
        "Splinting of the wrist in a neutral position at night and during the day as "
        "needed is recommended as first line conservative treatment by ACOEM for carpal "
        "tunnel syndrome. The patient has electrodiagnostically confirmed mild CTS and has "
        "not previously been issued a splint. The request for a wrist splint is medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-070",
        "Percocet 10/325 mg #120",
        "On review of the provided records, the patient underwent L4-S1 laminectomy on "
        "7/8/2019 and is now 2 weeks post-op. The progress note from 7/22/2019 documents "
        "incisional pain 7/10 and that she was able to ambulate 200 feet with a walker. "
        "The surgeon's plan includes tapering Percocet over the next 4 weeks. Although the "
        "guidelines do not favor long-term use of opioids, short-term use in the "
        "postoperative period is appropriate. The request for 120 tablets, however, "
        "equates to a 30-day supply at four per day, which does not reflect a taper. "
        "Therefore, the request is not medically necessary as written. A lesser quantity "
        "to facilitate taper would be reasonable.",
        "Upheld",
    ),
    (
        "pass7_a7-071",
        "Ketoprofen 20% cream 120 g",
        "Ketoprofen is not currently FDA approved for topical application. It has an "
        "extremely high incidence of photocontact dermatitis. MTUS states that any "
        "compounded product that contains at least one drug that is not recommended is not "
        "recommended. Therefore Ketoprofen 20% cream is not recommended and the request is "
        "not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-072",
        "Genetic opioid metabolism testing",
        "ODG does not recommend genetic testing for potential opioid abuse. While there "
        "appears to be a strong genetic component to addictive behavior, current research "
        "is experimental in terms of testing for this. Studies are inconsistent, with "
        "inadequate statistics and large phenotype range. Different studies use different "
        "criteria for definition of controls. More work is needed to verify the role of "
        "variants suggested to be associated with addiction. The provider did not explain "
        "how the results would alter management. Genetic testing is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-073",
        "Left knee Synvisc injection x 1",
        "ODG criteria for hyaluronic acid injections include patients who experience "
        "significantly symptomatic osteoarthritis but have not responded adequately to "
        "recommended conservative nonpharmacologic and pharmacologic treatments or are "
        "intolerant of these therapies after at least 3 months; documented symptomatic "
        "severe osteoarthritis of the knee; pain interfering with functional activities; "
        "failure to adequately respond to aspiration and injection of intra-articular "
        "steroids. The patient is a 64-year-old with Kellgren-Lawrence grade 3-4 medial "
        "compartment OA on standing x-rays. She has failed 6 months of NSAIDs, PT and two "
        "corticosteroid injections which each lasted about 4 weeks. The treating physician "
        "documents that her pain limits her to walking one block. She meets the guideline "
        "criteria for viscosupplementation. The Synvisc injection is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-074",
        "Physical therapy 3x4 for the left knee",
        "The claimant sustained a left knee sprain on 4/12/2019 and MRI has ruled out "
        "internal derangement. The MTUS allows 9-10 visits over 8 weeks for this type of "
        "condition. The UR reviewer modified the request to 6 visits. I note the patient "
        "has had zero prior PT sessions for this knee and has quadriceps atrophy with a 2 "
        "cm girth deficit. Although therapy is needed, 12 visits is more than the "
        "guideline maximum and there isn't a rationale for exceeding it. Consequently the "
        "request for 12 sessions is not medically necessary, and I concur with the "
        "utilization reviewer's modification.",
        "Upheld",
    ),
    (
        "pass7_a7-075",
        "Massage therapy 6 sessions",
        "MTUS recommends massage therapy as an option. This treatment should be an adjunct "
        "to other recommended treatment (e.g. exercise), and it should be limited to 4-6 "
        "visits in most cases. Scientific studies show contradictory results; massage is a "
        "passive intervention and treatment dependence should be avoided. This patient has "
        "already completed 12 massage sessions in 2016 without sustained benefit "
        "documented. There's no indication that she is engaged in an active exercise "
        "program at this time. Thus the request is not supported.",
        "Upheld",
    ),
    (
        "pass7_a7-076",
        "Ibuprofen 800 mg #90",
        "The guidelines recommend NSAIDs as an option for short term symptomatic relief. "
        "This worker injured his right ankle on 1/5/2017 and is 3 weeks post-injury. The "
        "ankle is swollen with lateral ligament tenderness, and x-rays are negative for "
        "fracture. There are no contraindications documented. A short course of ibuprofen "
        "is standard first-line care for acute ankle sprain. I recommend the request be "
        "certified.",
        "Overturned",
    ),
    (
        "pass7_a7-077",
        "Lunesta 3 mg #30",
        "Per ODG, eszopiclone (Lunesta) is not recommended for long-term use, but "
        "recommended for short-term use. Lunesta has demonstrated reduced sleep latency "
        "and sleep maintenance. The FDA lowered the recommended starting dose of Lunesta "
        "from 2 mg to 1 mg for both men and women, as higher doses cause impairment to "
        "driving skills, memory and coordination that can last more than 11 hours. This "
        "patient has been on 3 mg nightly since 2015, per the records. There is no "
        "documented assessment of sleep quality, sleep latency, or next-day function. The "
        "request is not certified. Weaning is recommended.",
        "Upheld",
    ),
    (
        "pass7_a7-078",
        "Xanax 0.5 mg #60",
        "Benzodiazepines are not recommended for long-term use because long-term efficacy "
        "is unproven and there is a risk of dependence. Most guidelines limit use to 4 "
        "weeks. Tolerance to anxiolytic effects occurs within months and long-term use may "
        "actually increase anxiety. The claimant has been prescribed alprazolam for over "
        "18 months. She is also on opioids, and concurrent use of benzodiazepines and "
        "opioids increases the risk of respiratory depression and overdose. I agree with "
        "UR; Xanax 0.5 mg #60 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-079",
        "Pain management consultation",
        "ACOEM Chapter 7 states that the occupational health practitioner may refer to "
        "other specialists if a diagnosis is uncertain or extremely complex, when "
        "psychosocial factors are present, or when the plan or course of care may benefit "
        "from additional expertise. The patient is a 45-year-old male with chronic lumbar "
        "radicular pain of 2 years' duration, now on escalating doses of opioids "
        "prescribed by his primary treating physician, currently at 140 MED. The PTP "
        "indicates that he is not comfortable managing the patient's medications at this "
        "level and is requesting specialist input regarding interventional options and a "
        "medication taper. I agree that the patient's care would benefit from additional "
        "expertise. Pain management consultation is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-080",
        "Follow-up visit with orthopedic surgeon",
        "ODG states the need for a clinical office visit with a health care provider is "
        "individualized based upon a review of the patient concerns, signs and symptoms, "
        "clinical stability, and reasonable physician judgment. The patient is status post "
        "right rotator cuff repair on 1/13/2018 and is being followed by the surgeon. "
        "Routine post-surgical follow-up is standard of care. A follow-up visit is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-081",
        "Norco 10/325 mg #60",
        "Decision rationale: This is a 37 y/o male w/ chronic neck pain. On norco since "
        "2012. MTUS requires documented pain and functional improvement to continue "
        "opioids. Treating doc reports pain 8/10 -> 5/10 w/ meds. But no functional "
        "improvement is stated anywhere, no UDS, no pain contract. Also the pt has a "
        "history of alcohol abuse noted on the psych eval, which is a risk factor that "
        "wasnt addressed. Not med necessary. Recommend taper.",
        "Upheld",
    ),
    (
        "pass7_a7-082",
        "Methadone 10 mg #90",
        "The MTUS recommends methadone as a second-line drug for moderate to severe pain "
        "if the potential benefit outweighs the risk. Methadone should only be prescribed "
        "by providers experienced in its use because of its complex pharmacokinetics and "
        "risk of QT prolongation. This patient is managed by a board-certified pain "
        "specialist who obtained a baseline EKG showing a QTc of 420 ms and a repeat at 3 "
        "months showing 428 ms. The patient was rotated off of morphine due to intolerable "
        "side effects and has since demonstrated improvement in function, including return "
        "to part-time work as a cashier. Urine drug screens have been consistent. The "
        "current dose is stable. Based on the totality of the evidence, the request for "
        "methadone 10 mg #90 is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-083",
        "Butrans 10 mcg/hr patch #4",
        "Butrans (buprenorphine transdermal) is recommended by the guidelines for "
        "treatment of opiate addiction and as an option for chronic pain, especially after "
        "detoxification in patients who have a history of opiate addiction. The patient in "
        "this case has been on Norco with inadequate relief and was noted to have "
        "escalating requests for early refills. The treating provider plans to transition "
        "to Butrans to reduce the risk of misuse. The patient is also enrolled in a "
        "monitored program with a signed agreement and monthly UDS. This is a reasonable "
        "plan consistent with guidelines. The request is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-084",
        "Lumbar MRI with and without contrast",
        "The patient has a history of L5-S1 microdiscectomy in 2016 and now presents with "
        "recurrent left S1 radicular pain since 3/2018 with a diminished left Achilles "
        "reflex, which was previously normal postoperatively. ODG recommends MRI with and "
        "without contrast for patients with prior back surgery, to distinguish scar tissue "
        "from recurrent disc herniation. The requested study is consistent with these "
        "guidelines. The request for lumbar MRI with and without contrast is certified as "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-085",
        "CT scan of the lumbar spine",
        "ACOEM recommends CT for bony detail or when MRI is contraindicated. The treating "
        'physician requested a CT scan of the lumbar spine to "evaluate for pathology." '
        "The patient already has had a lumbar MRI in 10/2015 and there's no mention of "
        "suspected fracture, pars defect, or pseudoarthrosis. No new neurological findings "
        "have been documented. The rationale for the CT scan is unclear. The request is "
        "not medically necessary at this time.",
        "Upheld",
    ),
    (
        "pass7_a7-086",
        "Bone scan",
        "Per ODG, bone scans are not recommended except for bone infection, cancer, or "
        "arthritis. The patient has chronic low back pain with normal radiographs. There "
        "is no suspicion of infection or neoplasm documented, with no fever, weight loss, "
        "or history of cancer. A bone scan is not indicated.",
        "Upheld",
    ),
    (
        "pass7_a7-087",
        "Right shoulder MR arthrogram",
        "ODG recommends MR arthrography as an option to detect labral tears, and for "
        "suspected re-tear post-op rotator cuff repair. The 25-year-old patient is a "
        "former baseball pitcher and dock worker with deep right shoulder pain after "
        "pulling a heavy line, with clicking, a positive O'Brien's test and a positive "
        'crank test. A non-contrast MRI was reported as "limited, no rotator cuff tear". '
        "He has failed 8 weeks of therapy. An MR arthrogram to evaluate for a SLAP lesion "
        "is appropriate in this setting. I would overturn the UR denial.",
        "Overturned",
    ),
    (
        "pass7_a7-088",
        "Cortisone injection to the right shoulder",
        "ACOEM states that if pain with elevation significantly limits activities, a "
        "subacromial injection of local anesthetic and a corticosteroid preparation may be "
        "indicated after conservative therapy (i.e., strengthening exercises and NSAIDs) "
        "for two to three weeks. The patient has a six month history of right shoulder "
        "impingement and has completed 10 PT sessions and an NSAID trial. She has not had "
        "prior injections. The subacromial injection is appropriate and medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-089",
        "Trigger point injections x 4",
        "MTUS criteria for trigger point injections include documentation of circumscribed "
        "trigger points with evidence upon palpation of a twitch response as well as "
        "referred pain; symptoms have persisted for more than three months; medical "
        "management therapies such as ongoing stretching exercises, physical therapy, "
        "NSAIDs and muscle relaxants have failed to control pain; radiculopathy is not "
        "present. In this case the exam documents diffuse tenderness of the lumbar "
        "paraspinal muscles without mention of a twitch response or referred pain. "
        "Additionally, the patient has documented L5 radiculopathy on EMG. The criteria "
        "have not been met and the request is not certified.",
        "Upheld",
    ),
    (
        "pass7_a7-090",
        "Radiofrequency ablation right L3-4, L4-5, L5-S1",
        "ODG criteria for facet joint radiofrequency neurotomy include a diagnosis of "
        "facet joint pain using a medial branch block, no more than two joint levels are "
        "to be performed at one time, and there should be evidence of a formal plan of "
        "additional evidence-based conservative care in addition to facet joint therapy. "
        "The patient had a diagnostic medial branch block with 80% relief for 6 hours on "
        "5/4/2017. However, the request is for three joint levels (L3-4, L4-5, L5-S1), "
        "which exceeds the guideline limit of two levels at one time. For this reason, the "
        "request is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-091",
        "Spinal cord stimulator trial",
        "The MTUS recommends spinal cord stimulators only for selected patients in cases "
        "when less invasive procedures have failed or are contraindicated, for specific "
        "conditions including failed back syndrome and CRPS, and following a successful "
        "temporary trial. A psychological evaluation is required prior to the trial. This "
        "patient has failed back surgery syndrome after an L4-S1 fusion with persistent "
        "radicular leg pain. She has failed medications, physical therapy and ESIs. A "
        "psychological clearance was performed by Dr. Nguyen on 2/14/2019, finding no "
        "contraindications to SCS. The criteria are satisfied and a spinal cord stimulator "
        "trial is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-092",
        "Physical therapy 6 visits for the lumbar spine",
        "The MTUS allows for 9-10 visits for myalgia and myositis. Records indicate that "
        "the patient has had 30 or more visits of PT over the last 3 years. The most "
        "recent PT progress note shows no gains in function, ROM, or strength over the "
        "last 8 visits. A flare-up is reported on the 2/2/2016 note after the patient "
        "slipped on a wet floor, with increased spasm and decreased range. A short course "
        "of physical therapy for a documented flare-up would typically be supported. "
        "However, given the lack of response to the extensive prior therapy, I do not "
        "believe additional formal therapy is likely to provide benefit beyond a home "
        "program. The request is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-093",
        "Chiropractic manipulation 6 visits for the lumbar spine",
        "The injured worker is a 33-year-old delivery driver who hurt his low back on "
        "10/2/2020 while lifting a package. He has had 4 PT sessions and takes naproxen. "
        "He has not previously received chiropractic care. MTUS recommends a trial of 6 "
        "visits over 2 weeks for low back pain. The request for 6 visits is within "
        "guidelines. As a result, it is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-094",
        "Acupuncture 12 sessions for the lumbar spine",
        "Acupuncture Medical Treatment Guidelines note that time to produce functional "
        "improvement is 3-6 treatments, with frequency of 1-3 times per week, and optimum "
        "duration of 1-2 months. Treatments may be extended if functional improvement is "
        "documented. There is no documentation that the patient has had acupuncture "
        "previously, so this would be an initial trial. The request for 12 sessions "
        "exceeds the recommended initial trial of 3-6 visits. Hence the request is "
        "non-certified. Should the patient show functional improvement after an "
        "appropriate trial, a request for additional sessions could be considered.",
        "Upheld",
    ),
    (
        "pass7_a7-095",
        "Additional acupuncture 6 sessions for the cervical spine",
        "The MTUS acupuncture guidelines permit extension of treatment if functional "
        "improvement is documented as defined in section 9792.20(f). The patient completed "
        "6 sessions of acupuncture between 2/2014 and 3/2014. The acupuncturist's notes "
        "document a reduction in Norco use from 4 to 2 per day, an increase in cervical "
        "rotation from 45 to 70 degrees, and the ability to resume driving. This "
        "constitutes objective functional improvement. An additional 6 sessions is "
        "therefore consistent with the guidelines and medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-096",
        "Kera-Tek analgesic gel 4 oz",
        "Kera-Tek gel contains methyl salicylate and menthol. MTUS recommends topical "
        "salicylates (e.g., Ben-Gay, methyl salicylate) as significantly better than "
        "placebo in chronic pain. In this case though, there is no documentation of why "
        "the patient cannot use an over-the-counter equivalent and the records show no "
        "functional improvement from its prior use over 6 months. Thus Kera-Tek gel is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-097",
        "Retrospective request for Menthoderm gel 120 ml (DOS 11/12/2014)",
        "Menthoderm gel contains methyl salicylate 15% and menthol 10%. The MTUS indicates "
        "that topical salicylates are recommended and are significantly better than "
        "placebo in chronic pain. The patient has tried and failed oral NSAIDs due to "
        "gastritis. He has localized knee pain from osteoarthritis. The treating physician "
        "documents that the gel permits him to walk for longer distances. The "
        "retrospective request for Menthoderm gel was medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-098",
        "Walker with seat",
        "Per ODG, walking aids (canes, crutches, braces, orthoses, and walkers) are "
        "recommended. Disability, pain, and age-related impairments seem to determine the "
        "need for a walking aid. The claimant is a 71-year-old with advanced bilateral "
        "knee osteoarthritis and a history of two falls in the last 6 months, documented "
        "in the 5/2016 note. She currently uses a cane but reports needing frequent rest "
        "breaks. A walker with seat is reasonable for this claimant and is medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-099",
        "Hospital bed",
        "ODG states that durable medical equipment is recommended generally if there is a "
        "medical need and if the device or system meets Medicare's definition of DME. A "
        "hospital bed is covered by Medicare if the patient's condition requires "
        "positioning of the body in ways not feasible with an ordinary bed, or requires "
        "special attachments. The request is for a hospital bed to improve the patient's "
        "comfort while sleeping with low back pain. There's no documentation that "
        "positioning of the body not feasible in an ordinary bed is required. The hospital "
        "bed is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-100",
        "Home health aide 8 hours per day x 2 weeks post-operatively",
        "The patient is scheduled for a right total knee arthroplasty which was certified. "
        "MTUS recommends home health services only for otherwise recommended medical "
        "treatment for patients who are homebound, on a part-time or intermittent basis, "
        "generally up to no more than 35 hours per week. The request here is for 56 hours "
        "per week, which exceeds guideline limits. The request also does not specify what "
        "medical services the aide would provide. The home health aide request as "
        "submitted is not medically necessary. A limited skilled home health nursing or PT "
        "visit request would be more consistent with the guidelines.",
        "Upheld",
    ),
    (
        "pass7_a7-101",
        "Skilled nursing facility stay 7 days following total knee arthroplasty",
        "ODG recommends SNF care if necessary after hospitalization when the patient "
        "requires skilled nursing or skilled rehabilitation services, or both, on a "
        "24-hour basis. The patient is an 82-year-old who lives alone in a second-floor "
        "apartment without an elevator, and has a history of Parkinson's disease with gait "
        "instability. The treating surgeon documents that she would not be safe at home "
        "after surgery. Given that she will need daily skilled rehabilitation and has no "
        "caregiver support, a 7-day SNF stay is appropriate. The request is medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-102",
        "Outpatient detoxification program",
        "MTUS recommends detoxification as an option when there is evidence of intolerable "
        "side effects, lack of functional improvement, aberrant drug behaviors or "
        "refractory comorbid psychiatric illness. The patient is on 240 MED of oxycodone "
        "and has had two episodes of early refill requests and a urine drug screen "
        "positive for non-prescribed benzodiazepines. Function has continued to decline. "
        "The treating physician has attempted an outpatient taper twice without success. A "
        "supervised detoxification program is supported in this setting. The request is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-103",
        "Comprehensive metabolic panel and CBC",
        "MTUS recommends periodic lab monitoring of a CBC and chemistry profile (including "
        "liver and renal function tests) for patients on chronic NSAID therapy. The "
        "patient has been taking meloxicam for 3 years without any documented labs. "
        "Accordingly, the request for CMP and CBC is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-104",
        "Hemoglobin A1c",
        "The treating physician has requested an HbA1c. There is no documentation that the "
        "patient has diabetes or that it is an accepted body part or condition in this "
        "claim. The records do not indicate how this lab test relates to the industrial "
        "injury or how it would change management of the orthopedic condition. Therefore, "
        "the request is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-105",
        "Vitamin D level",
        "The request is for a 25-OH vitamin D level. Guidelines do not address routine "
        "vitamin D testing in chronic pain patients. There is no documentation of "
        "osteoporosis, fracture, malabsorption or other risk factors. It's not clear how "
        "testing would alter treatment of the industrial injury. Medical necessity has not "
        "been established.",
        "Upheld",
    ),
    (
        "pass7_a7-106",
        "Serum testosterone level",
        "MTUS recommends testing of testosterone levels in men taking high dose long-term "
        "opioids with signs or symptoms of hypogonadism, such as gynecomastia. The patient "
        "is a 48-year-old male on 180 MED of Oxycontin for 4 years. The treating physician "
        "documents fatigue, decreased libido and erectile dysfunction. A testosterone "
        "level is appropriate per the guidelines. Medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-107",
        "Repeat EMG/NCV of the bilateral upper extremities",
        "The patient underwent EMG/NCV of the bilateral upper extremities on 2/4/2015 "
        "which were normal. There has been no change in the neurological examination "
        "since. There is no new neurologic deficit, no progression of symptoms and no new "
        "injury. A repeat study is not indicated. The request is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-108",
        "Norco 10/325 mg #120",
        "The prior utilization review denied this request, stating that it was not "
        "medically necessary because of a lack of documented functional improvement. I "
        "have reviewed the additional records submitted with the IMR application, "
        "including the 4/2/2015 and 5/1/2015 PR-2 reports from Dr. Patel. These reports "
        "document pain of 9/10 without and 4/10 with Norco, the ability to perform his "
        "modified duties as a dispatcher for 8 hours, and a consistent UDS in March 2015. "
        "A CURES report was reviewed and there were no other prescribers. The patient has "
        "no side effects other than mild constipation managed with docusate. On the basis "
        "of this new information, the 4 A's have been adequately addressed. Norco 10/325 "
        "mg #120 is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-109",
        "MRI of the right knee",
        'The treating physician states in his appeal letter, "I strongly believe an MRI '
        'is medically necessary to rule out a meniscal tear." ACOEM states that special '
        "studies are not needed to evaluate most knee complaints until after a period of "
        "conservative care and observation. The records show that the knee injury occurred "
        "10 days prior to the request and that no conservative treatment had yet been "
        "tried. The exam documented full range of motion, no effusion, a negative McMurray "
        "test and stable ligaments. There are no red flags. Under these circumstances, the "
        "MRI is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-110",
        "EMG/NCS of the bilateral upper extremities",
        "The UR physician non-certified the request, noting that the findings were "
        "consistent with cervical radiculopathy. I respectfully disagree. ACOEM indicates "
        "that electromyography and nerve conduction velocities, including H-reflex tests, "
        "may help identify subtle focal neurologic dysfunction in patients with neck or "
        "arm symptoms, or both, lasting more than three or four weeks. This patient has "
        "numbness in both hands in a pattern that could reflect either a C6 radiculopathy "
        "or bilateral carpal tunnel syndrome, with positive Tinel's at both wrists and "
        "also a positive Spurling's on the left. Cervical MRI shows mild foraminal "
        "narrowing at C5-6 that would not fully explain the bilateral symptoms. "
        "Electrodiagnostic testing is therefore needed to distinguish between these "
        "diagnoses. The request is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-111",
        "Oxycodone 30 mg #180",
        "The patient is taking oxycodone 30 mg 6 per day, or 270 MED, more than twice the "
        "MTUS recommended ceiling. Despite this, her pain is rated 10/10. She was recently "
        "seen in the emergency department for an overdose per records dated 9/2016. No "
        "taper has been initiated. Medical necessity for the full quantity requested has "
        "not been established. Since IMR does not allow modification, the request must be "
        "non-certified in its entirety; however, I strongly recommend that the treating "
        "physician develop a supervised taper to avoid abrupt discontinuation and "
        "withdrawal.",
        "Upheld",
    ),
    (
        "pass7_a7-112",
        "Physical therapy 2x6 for the right shoulder, post-operative",
        "The patient underwent right arthroscopic rotator cuff repair on 6/3/2017. The "
        "Postsurgical Treatment Guidelines allow for 24 visits over 14 weeks following "
        "rotator cuff repair, with a post-surgical physical medicine treatment period of 6 "
        "months. The patient has completed 12 post-operative PT sessions to date with "
        "documented improvement in forward flexion from 90 to 140 degrees. The request for "
        "12 more visits would bring the total to 24, which is within the guidelines. There "
        "are ongoing strength deficits. Continued therapy is appropriate, therefore the "
        "request for physical therapy 2x6 is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-113",
        "Norco 10/325 mg #60 and Robaxin 750 mg #60",
        "Regarding Norco: the guidelines' criteria for ongoing opioid use are met, with a "
        "documented 50% reduction in pain, functional benefit including continued work, "
        "and consistent monitoring. Regarding Robaxin: MTUS recommends methocarbamol for "
        "short-term treatment of acute exacerbations. This patient has had a documented "
        "acute exacerbation of low back spasm after a fall on 9/9/2018, per the 9/15/2018 "
        "note. A short course of Robaxin is appropriate in this context. Both medications "
        "are supported; the request for Norco 10/325 mg #60 and Robaxin 750 mg #60 is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-114",
        "Baclofen 10 mg #90",
        "Baclofen is recommended orally for the treatment of spasticity and muscle spasm "
        "related to multiple sclerosis and spinal cord injuries. It is not recommended for "
        "chronic low back pain. This patient has no diagnosis of MS or spinal cord injury. "
        "He's been on baclofen for two years for myofascial back pain. Long-term usage of "
        "muscle relaxants is not supported by the MTUS. As such, baclofen 10 mg #90 is not "
        "medically necessary and appropriate. A taper is advised since abrupt cessation of "
        "baclofen may cause withdrawal symptoms including seizures.",
        "Upheld",
    ),
    (
        "pass7_a7-115",
        "Lyrica 75 mg #60",
        "Pregabalin is an anti-epilepsy drug that has been documented to be effective for "
        "diabetic neuropathy and postherpetic neuralgia and is FDA approved for "
        "fibromyalgia. The patient has a diagnosis of lumbar radiculopathy with EMG "
        "evidence of chronic left L5 radiculopathy. She previously tried gabapentin, which "
        "caused significant dizziness. The treating physician's notes of 2/2018 and 3/2018 "
        "indicate that Lyrica has reduced her leg pain by at least 30%, consistent with a "
        "moderate response, and has allowed her to walk for 20 minutes. This supports "
        "continuation of the medication, and the request is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-116",
        "Duloxetine 60 mg #30",
        "Duloxetine is an SNRI that MTUS recommends as an option in first-line treatment "
        "for neuropathic pain and has FDA approval for diabetic neuropathy, fibromyalgia "
        "and chronic musculoskeletal pain. This patient's diagnosis is chronic low back "
        "pain and depressive disorder. However, the documentation does not reflect any "
        "benefit from duloxetine since starting it 8 months ago; the PHQ-9 has increased "
        "from 12 to 17 and pain scores are unchanged at 7/10. There is no indication of "
        "dose adjustment or consideration of an alternative agent. Given the lack of "
        "efficacy, continued duloxetine is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-117",
        "Amitriptyline 25 mg #30",
        "Amitriptyline is a tricyclic antidepressant recommended as a first-line option "
        "for neuropathic pain, especially if pain is accompanied by insomnia, anxiety or "
        "depression. The patient has cervical radiculopathy and poor sleep. This is a new "
        "prescription for a first-line medication. An initial trial is supported by the "
        "guidelines and is medically necessary. Assessment of efficacy should be done "
        "within 4 weeks.",
        "Overturned",
    ),
    (
        "pass7_a7-118",
        "Topamax 50 mg #60",
        "Topiramate has been shown to have variable efficacy, with failure to demonstrate "
        "efficacy in neuropathic pain of 'central' etiology. It is still considered for "
        "use for neuropathic pain when other anticonvulsants fail. In this case, there's "
        "no documentation that the patient has failed other anticonvulsants and no "
        "neuropathic diagnosis is documented; the diagnosis listed is lumbar strain. The "
        "request for Topamax 50 mg #60 is not supported by the guidelines.",
        "Upheld",
    ),
    (
        "pass7_a7-119",
        "Cervical epidural steroid injection at C6-7",
        "Per MTUS, radiculopathy must be documented by physical examination and "
        "corroborated by imaging studies and/or electrodiagnostic testing. In this case "
        "the patient complains of neck pain radiating to both shoulders. The neurological "
        "examination is documented as intact for sensation, motor strength, and reflexes. "
        "MRI shows multilevel degenerative changes without foraminal stenosis. There's no "
        "EMG. Radiculopathy is not established. The request for a cervical ESI at C6-7 is "
        "not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-120",
        "Transforaminal epidural steroid injection bilateral L4-5 and L5-S1",
        "The MTUS criteria for epidural steroid injections state that no more than two "
        "nerve root levels should be injected using transforaminal blocks. This request is "
        "for bilateral injections at two levels, which equals four nerve roots. In "
        "addition, the patient's radicular symptoms are only present on the left per the "
        "3/1/2017 exam. Although the patient does appear to have a left L5 radiculopathy "
        "that may benefit from an ESI, the request as written exceeds the guideline "
        "criteria. Thus the request is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-121",
        "Diagnostic facet injection at L4-5 and L5-S1 bilaterally",
        "The ACOEM states invasive techniques such as facet joint injections are of "
        "questionable merit. ODG further states that facet joint injections are limited to "
        "patients with low-back pain that is non-radicular. This patient's physical exam "
        "documents a positive straight leg raise on the right at 30 degrees and decreased "
        "sensation in the right S1 dermatome, indicating a radicular component. Facet "
        "injections are not indicated in the presence of radiculopathy. Not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-122",
        "Sacroiliac joint injection, right",
        "ODG criteria for SI joint injections include: the history and physical should "
        "suggest the diagnosis with documentation of at least 3 positive exam findings; "
        "diagnostic evaluation must first address any other possible pain generators; the "
        "patient has had and failed at least 4-6 weeks of aggressive conservative therapy. "
        "The 8/2016 exam documents positive FABER, Gaenslen's, thigh thrust, and "
        "compression tests on the right. Lumbar MRI is unremarkable and facet blocks were "
        "negative. She has failed 8 weeks of PT, NSAIDs and chiropractic. The right SI "
        "joint injection is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-123",
        "Stellate ganglion block",
        "MTUS recommends sympathetic blocks for a limited role, primarily for diagnosis of "
        "sympathetically mediated pain and as an adjunct to facilitate functional "
        "restoration. CRPS must be diagnosed using the Budapest criteria. The treating "
        "physician documents right hand swelling, temperature asymmetry of 1.5 degrees, "
        "skin color changes, allodynia, and decreased ROM following a crush injury. A "
        "triple phase bone scan was consistent with CRPS. The patient is enrolled in "
        "active PT. The block is indicated to facilitate participation in therapy. "
        "Accordingly I overturn the denial of the stellate ganglion block.",
        "Overturned",
    ),
    (
        "pass7_a7-124",
        "Right total knee arthroplasty",
        "ODG criteria for knee joint replacement include conservative care (exercise "
        "therapy and medications, plus viscosupplementation or steroid injection), limited "
        "range of motion (<90 degrees for TKR), night-time joint pain, no pain relief with "
        "conservative care, documentation of current functional limitations, age over 50 "
        "and BMI less than 40, and osteoarthritis on standing x-ray. The patient is 67 "
        "years old with a BMI of 33. She has bone-on-bone medial compartment narrowing on "
        "standing x-rays and has failed NSAIDs, PT, a cortisone injection and Orthovisc. "
        "She has night pain and can walk less than one block. Range of motion is 5-85 "
        "degrees. All of the ODG criteria are met. The request for right TKA is medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-125",
        "Inpatient stay 5 days",
        "The associated request for a right total knee arthroplasty has been found "
        "medically necessary. ODG recommends a hospital length of stay of 3 days for TKA. "
        "The request for 5 days exceeds this benchmark and no complicating factors are "
        "described. As such, the request for a 5-day inpatient stay is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-126",
        "Continuous passive motion (CPM) machine rental 21 days",
        "ODG recommends CPM in the acute hospital setting and for home use up to 17 days "
        "after surgery while patients are at risk of a stiff knee, are immobile or unable "
        "to bear weight, in patients with low postoperative mobility or inability to "
        "comply with rehabilitation exercises following TKA. The request for 21 days "
        "exceeds the 17 days supported by ODG. Furthermore, no risk factors are "
        "documented. The CPM rental for 21 days is therefore not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-127",
        "Cold therapy unit, 7-day rental",
        "ODG supports continuous-flow cryotherapy for up to 7 days post-operatively. The "
        "patient's right shoulder arthroscopy was certified and the requested rental of 7 "
        "days is consistent with the recommended duration. Medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-128",
        "Sling with abduction pillow",
        "ODG recommends postoperative abduction pillow slings as an option following open "
        "repair of large and massive rotator cuff tears. The sling/abduction pillow keeps "
        "the arm in a position that takes tension off the repaired tendon. Abduction "
        "pillows for large and massive tears may decrease tendon contact to the prepared "
        "sulcus but are not used for arthroscopic repairs. The planned procedure is an "
        "arthroscopic subacromial decompression and distal clavicle excision; no rotator "
        "cuff repair is planned. The request for an abduction pillow sling is therefore "
        "not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-129",
        "Pre-operative labs: CBC, BMP, PT/PTT",
        "ODG indicates pre-operative testing should be guided by the patient's clinical "
        "history, comorbidities and physical examination findings; routine testing is not "
        "recommended in healthy patients undergoing low-risk procedures. The planned "
        "procedure is a trigger finger release under local anesthesia in a healthy "
        "34-year-old with no comorbidities and no use of anticoagulants. Pre-operative "
        "laboratory testing is not indicated in this situation. Not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-130",
        "Right L5-S1 microdiscectomy",
        "Per ACOEM and ODG, lumbar discectomy is indicated for patients with severe and "
        "disabling lower leg symptoms in a distribution consistent with imaging findings, "
        "present for more than one month or with extreme progression, and failure of "
        "conservative treatment. The patient has right leg pain in an S1 distribution for "
        "5 months, an absent right ankle jerk, and weakness of plantarflexion. MRI shows a "
        "large right L5-S1 disc extrusion compressing the right S1 nerve root. He has "
        "failed PT, medications, and two ESIs. He cannot work. Surgical intervention is "
        "warranted in this case. The request is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-131",
        "Lumbar discectomy at L4-5",
        "The requesting surgeon documents low back pain with some radiating pain to the "
        "thighs bilaterally. There is no dermatomal sensory loss, reflexes are symmetric, "
        "and motor strength is 5/5. MRI shows a 3 mm broad-based disc bulge at L4-5 "
        "without nerve root compression. These findings do not meet guideline criteria for "
        "discectomy, which requires clear clinical, imaging and electrophysiologic "
        "evidence of a lesion that has been shown to benefit from surgical repair. "
        "Therefore, I am upholding the UR denial.",
        "Upheld",
    ),
    (
        "pass7_a7-132",
        "Cervical collar",
        "ACOEM states that cervical collars have not been shown to have any lasting "
        "benefit, except for comfort in the first few days of the clinical course in "
        "severe cases. In fact, weakness may result from prolonged use and contribute to "
        "debilitation. The injury occurred 14 months ago. A cervical collar is not "
        "indicated.",
        "Upheld",
    ),
    (
        "pass7_a7-133",
        "Bilateral knee braces",
        "ACOEM states a brace can be used for patellar instability, anterior cruciate "
        "ligament tear, or medial collateral ligament instability, although its benefits "
        "may be more emotional than medical. Usually a brace is necessary only if the "
        "patient is going to be stressing the knee under load, such as climbing ladders or "
        "carrying boxes. The patient has a documented left ACL tear on MRI and works as an "
        "electrician climbing ladders. However, there is no documented pathology in the "
        "right knee. While a left knee brace is appropriate, the request is for bilateral "
        "braces and the right knee brace is not supported. Therefore, the request for "
        "bilateral knee braces is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-134",
        "Orthotics (custom shoe inserts)",
        "ACOEM recommends rigid orthotics (full-shoe-length inserts made to realign within "
        "the foot and from foot to leg) as an option for patients with plantar fasciitis "
        "and metatarsalgia. The patient has bilateral plantar fasciitis confirmed on exam "
        "and ultrasound, and has failed stretching, over-the-counter arch supports, and "
        "NSAIDs. She works 10-hour shifts standing on concrete. Custom orthotics are "
        "appropriate. The request is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-135",
        "Extracorporeal shockwave therapy, 3 sessions for the right shoulder",
        "ODG recommends ESWT for calcifying tendinitis of the shoulder but not for other "
        "shoulder disorders. Criteria include pain from calcifying tendinitis of the "
        "shoulder despite six months of standard treatment, and at least three "
        "conservative treatments having been performed prior to use of ESWT. The patient's "
        "shoulder x-ray shows no calcification; the diagnosis is rotator cuff tendinosis. "
        "ESWT is not recommended for this condition. The request for 3 sessions is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-136",
        "Platelet-rich plasma injection, right elbow",
        "ODG states PRP is under study for lateral epicondylitis and is not yet "
        "recommended outside of a research setting given mixed results in the existing "
        "trials. The patient has chronic right lateral epicondylitis which has failed "
        "conservative therapy. While the treating physician's frustration is "
        "understandable, the guidelines do not support PRP at this time. The right elbow "
        "PRP injection is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-137",
        "Chiropractic treatment 12 sessions",
        "The claimant's DOI is 5/19/2014 and she has undergone 6 chiropractic treatments, "
        "completed on 8/20/2014, with a decrease in Oswestry score from 46% to 22% and "
        "return to full duty. Guidelines allow up to 18 visits with evidence of objective "
        "functional improvement. This request would bring the total to 18. Objective "
        "functional improvement has been documented. However, she has returned to full "
        "duty and her remaining complaints are mild intermittent soreness, 2/10. At this "
        "point, transition to an independent home exercise program is appropriate and "
        "further chiropractic care would be considered maintenance. The request is not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-138",
        "Home health evaluation",
        "The patient is 3 days post op L4-S1 fusion and was discharged home. He lives "
        "alone and his surgeon documents that he is unable to leave home without "
        "considerable effort, and requires wound care and assessment of medication "
        "management. Per MTUS, home health services are recommended for medical treatment "
        "for patients who are homebound. An evaluation to determine home health needs is "
        "reasonable and is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-139",
        "Bilateral upper extremity EMG/NCV",
        "There's no documentation of neurologic deficits in the upper extremities. The "
        "patient's complaints are limited to axial neck pain. Her exam shows intact "
        "sensation, strength and reflexes. There is no indication for electrodiagnostic "
        "testing of the upper extremities. Request is non-certified.",
        "Upheld",
    ),
    (
        "pass7_a7-140",
        "Physical therapy 8 sessions for the lumbar spine",
        "This is a 49 year old man, DOI 3/3/2013, with chronic low back pain. UR modified "
        "the request from 8 sessions to 2 sessions to allow for instruction in a home "
        "exercise program. The patient has had approximately 20 sessions of PT since 2013. "
        "MTUS guidelines allow for 9-10 visits. No specific flare-up or new functional "
        "deficit is documented. Per guidelines, the patient should be well versed in a "
        "home program by now. I would uphold the UR modification and find the request for "
        "8 sessions not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-141",
        "Norco 7.5/325 mg #90",
        "Chronic opioid use guidelines require the 4 A's. The 10/4/2016 note has good "
        "documentation: pain 8/10 w/o meds and 3-4/10 w/ meds, able to walk 1 mile and do "
        "yardwork, UDS 8/2016 consistent, CURES ok, no side effects, no aberrant behavior. "
        "Pt is on a stable dose for past year. I cannot agree with the UR "
        "non-certification. There is no reason to deny this request.",
        "Overturned",
    ),
    (
        "pass7_a7-142",
        "Physical therapy 2x4 for the right wrist",
        "This 29 yo female sustained a right distal radius fracture treated with closed "
        "reduction and casting on 2/3/2020. Cast was removed 3/20/2020. Post surgical "
        "treatment guidelines are not applicable since no surgery was done; however, MTUS "
        "9792.24.3 allows 16 visits over 8 weeks for fracture of the radius (medical "
        "treatment). She has had 0 sessions of therapy. Wrist extension is 20 degrees and "
        "grip strength is 40% of the contralateral side. Denial of therapy is not "
        "supported by the guidelines. 8 visits is well within the recommended course. The "
        "UR decision is overturned.",
        "Overturned",
    ),
    (
        "pass7_a7-143",
        "Hydrocodone 10/325 mg #240",
        "This is a pt taking 8 tablets per day of hydrocodone 10/325, 2.6 g of "
        "acetaminophen per day and 80 MED. The records show pain is unchanged at 7/10 "
        "irrespective of medications for the past 6 visits. He's not working. He has had 2 "
        "early refills. No UDS in the file. The treating physician doesnt explain why he "
        "continues this regimen. For these reasons I'd uphold the denial. A weaning "
        "schedule of 10-20% per week is suggested.",
        "Upheld",
    ),
    (
        "pass7_a7-144",
        "Tramadol/APAP 37.5/325 mg #120",
        "Ultracet is recommended by the MTUS for short-term use, under 5 days, in acute "
        "pain management. For chronic use, the general criteria for opioids apply. The "
        "patient has chronic knee pain with documented improvement in function from the "
        "medication, including the ability to do her job as a school cafeteria worker, and "
        "pain reduction from 7/10 to 3/10. There is a signed pain agreement and a UDS in "
        "4/2017 was consistent. Based on the documented benefit, I recommend certification.",
        "Overturned",
    ),
    (
        "pass7_a7-145",
        "Physical therapy 12 sessions for the lumbar spine",
        "ODG allows for 10 visits over 8 weeks for lumbar sprains and strains, and 10-12 "
        "visits over 8 weeks for intervertebral disc disorders without myelopathy. The "
        "claimant has a diagnosis of lumbar disc herniation at L4-5 without myelopathy, "
        "injured on 7/7/2018. This is his first course of therapy. Request for 12 visits "
        "falls within the ODG guideline range for the diagnosis. PT is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-146",
        "Voltaren XR 100 mg #30",
        "Voltaren XR (diclofenac sodium ER) is an NSAID. ODG states diclofenac is not "
        "recommended as first line due to increased risk profile; a large systematic "
        "review found diclofenac had a risk of cardiovascular events similar to rofecoxib "
        "(Vioxx), which was taken off the market. The patient is a 61 year old man with "
        "hypertension and a history of myocardial infarction in 2012. There's no "
        "documentation of failure of safer first-line NSAIDs such as naproxen or "
        "ibuprofen. Given his cardiac history and the risk profile of diclofenac, the "
        "request is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-147",
        "Medrol Dosepak",
        "The patient is a 39-year-old with acute onset of left C7 radicular pain 10 days "
        "ago after a lifting incident at work. ODG recommends oral corticosteroids in "
        "limited circumstances for acute radicular pain. The exam notes triceps weakness "
        "and a diminished triceps reflex. There are no contraindications such as diabetes. "
        "A short tapering course of Medrol is reasonable and consistent with guidelines. "
        "The request is therefore approved as medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-148",
        "Fexmid 7.5 mg #60",
        "Fexmid is cyclobenzaprine. Not recommended to be used for longer than 2-3 weeks. "
        "The patient has been on Fexmid since 2013 per the records. Thus, not certified.",
        "Upheld",
    ),
    (
        "pass7_a7-149",
        "Colace 100 mg #60",
        "MTUS recommends prophylactic treatment of constipation when initiating opioid "
        "therapy. The patient's Norco was found medically necessary in this review and he "
        "reports constipation on the 1/4/2017 progress note. Docusate is a reasonable "
        "first-line agent. The request is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-150",
        "Senokot-S #60",
        "MTUS recommends prophylactic treatment of constipation when initiating opioid "
        "therapy. However, in this review the associated opioid request was not found to "
        "be medically necessary, and the patient is being weaned. Furthermore there are no "
        "GI complaints documented in the records. The laxative is also available over the "
        "counter. The request for Senokot-S is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-151",
        "Ondansetron 8 mg #30",
        "ODG does not recommend ondansetron for nausea and vomiting secondary to chronic "
        "opioid use. It is FDA-approved for nausea and vomiting secondary to chemotherapy "
        "and radiation treatment, and for postoperative use. The request is for the "
        "treatment of nausea associated with Norco. Zofran 8 mg #30 is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-152",
        "Ondansetron 4 mg ODT #10",
        "Ondansetron is FDA approved for postoperative nausea and vomiting. The patient is "
        "scheduled for a right shoulder arthroscopic rotator cuff repair under general "
        "anesthesia which has been certified. She has a documented history of severe "
        "postoperative nausea with a prior cholecystectomy. Ten tablets for the immediate "
        "postoperative period is appropriate. The request for ondansetron 4 mg ODT #10 is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-153",
        "Retrospective request for urine drug screen and confirmatory testing (DOS 6/10/2014)",
        "Drug testing is recommended by MTUS as an option. Quantitative confirmatory "
        "testing (LC/MS) is generally reserved for when the point-of-care immunoassay is "
        "unexpected or inconsistent. In this case, the point of care screen on 6/10/2014 "
        "was consistent with prescribed hydrocodone and was negative for illicit "
        "substances. The records don't show why confirmatory testing for 40+ analytes was "
        "performed. While the screen itself was appropriate, the confirmatory testing was "
        "not. Therefore the retrospective request for urine drug screen and confirmatory "
        "testing is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-154",
        "Psychotherapy 6 sessions",
        "The patient had an initial 4 sessions of CBT with a psychologist in January and "
        "February of 2019. The psychologist's progress note indicates improvement in "
        "BDI-II from 32 to 21, improved sleep and a return to social activities. Per MTUS, "
        "with evidence of objective functional improvement, a total of up to 6-10 visits "
        "over 5-6 weeks can be supported. An additional 6 sessions would bring the total "
        "to 10. ODG permits up to 13-20 visits if progress is being made. Therefore, the "
        "request for 6 sessions of psychotherapy is supported and medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-155",
        "Biofeedback 6 sessions",
        "Per MTUS, biofeedback is not recommended as a stand-alone treatment but "
        "recommended as an option in a cognitive behavioral therapy program to facilitate "
        "exercise therapy and return to activity. Initial trial of 3-4 psychotherapy "
        "visits over 2 weeks, then with evidence of objective functional improvement, "
        "total of up to 6-10 visits over 5-6 weeks. This request is for biofeedback as a "
        "stand alone treatment; the patient is not participating in CBT. Further, 6 "
        "sessions exceeds the recommended initial trial. Biofeedback is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-156",
        "Psychiatric consultation",
        "The patient has been diagnosed with major depressive disorder and reports passive "
        "suicidal ideation per the psychologist's 4/11/2016 evaluation. She has failed two "
        "antidepressants prescribed by her PTP. ACOEM states that specialty referral may "
        "be necessary when patients have significant psychopathology or serious medical "
        "comorbidities. A psychiatric consultation is indicated. This request is medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-157",
        "Functional restoration program, 2 weeks (80 hours)",
        "The MTUS supports functional restoration programs with an initial trial of 2 "
        "weeks. The patient is 3 years post-injury with chronic low back pain, has failed "
        "PT, injections and medications, and is not a surgical candidate per the spine "
        "surgeon's evaluation of 8/8/2017. The multidisciplinary evaluation of 9/12/2017 "
        "documents baseline functional testing, significant loss of function, and the "
        "patient's motivation to return to work. Negative predictors were addressed; she "
        "is not involved in litigation and her depression is being treated. An initial 80 "
        "hour trial is consistent with guidelines. Medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-158",
        "Functional restoration program, additional 80 hours",
        "Per MTUS, treatment in a functional restoration program is not suggested for "
        "longer than 2 weeks without evidence of demonstrated efficacy as documented by "
        "subjective and objective gains. Total treatment duration should generally not "
        "exceed 20 full-day sessions. The patient completed 80 hours of the program. The "
        'discharge summary notes she is "more hopeful" but her lifting capacity remained '
        "at 10 lbs, sitting and standing tolerances were unchanged, and she is still using "
        "the same amount of Norco. Objective functional gains are not demonstrated. The "
        "additional 80 hours is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-159",
        "Lumbar spine x-rays, 3 views",
        "Lumbar spine x-rays are not recommended in patients with low back pain in the "
        "absence of red flags for serious spinal pathology, even if the pain has persisted "
        "for at least 6 weeks. The patient is a 30-year-old without trauma, fever, weight "
        "loss or neurological deficit. X-rays of the lumbar spine are not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-160",
        "Flexion-extension x-rays of the lumbar spine",
        "ODG recommends flexion/extension imaging studies for evaluating symptomatic "
        "spondylolisthesis when there is consideration for surgery, and for preoperative "
        "evaluation. The patient has a grade 1 L4-5 spondylolisthesis on MRI and the spine "
        "surgeon is contemplating an L4-5 decompression and fusion. Dynamic films are "
        "needed to evaluate for instability prior to surgical planning. Medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-161",
        "Ultrasound of the right shoulder",
        "According to ACOEM, ultrasound and MRI are equally effective in identifying full "
        "thickness rotator cuff tears. The patient has weakness of shoulder abduction and "
        "external rotation, a positive drop arm sign, and night pain following a fall 6 "
        "weeks ago. Conservative care has failed. Diagnostic ultrasound is reasonable to "
        "evaluate for a rotator cuff tear. The request is medically necessary and "
        "appropriate.",
        "Overturned",
    ),
    (
        "pass7_a7-162",
        "Norco 10/325 mg #120",
        "Norco was previously certified for weaning purposes on three prior occasions, in "
        "2/2015, 4/2015 and 6/2015, yet the records show the quantity has remained the "
        "same at 120 tablets per month. No taper has been attempted. The treating "
        "physician doesn't document any functional improvement attributable to the "
        "medication. Continued use is not consistent with guidelines; the request is not "
        "medically necessary. The physician is urged to initiate the weaning process.",
        "Upheld",
    ),
    (
        "pass7_a7-163",
        "Gabapentin 300 mg #90 and Norco 5/325 #30",
        "Gabapentin is considered first-line treatment for neuropathic pain. The patient "
        "has documented diabetic neuropathy aggravated by the industrial injury and "
        "reports 40% relief of burning pain with gabapentin, so gabapentin is medically "
        "necessary. Norco, however, has been continued without any documented functional "
        "improvement and without a UDS for two years, so Norco is not medically necessary. "
        "Because one of the two medications in this request is not supported, the request "
        "as a whole cannot be certified.",
        "Upheld",
    ),
    (
        "pass7_a7-164",
        "Physical therapy 3x4 for the cervical and lumbar spine",
        "The patient has had 6 sessions of therapy for the neck and back. MTUS supports "
        "9-10 visits over 8 weeks. The patient has shown improvement. An additional 3-4 "
        "sessions would be supported to complete a course of therapy and transition to a "
        "home program. However, the request for 12 additional visits would bring the total "
        "to 18, which exceeds the guideline recommendation. Therefore the request is not "
        "medically necessary as submitted.",
        "Upheld",
    ),
    (
        "pass7_a7-165",
        "Cyclobenzaprine 10 mg #30",
        "The patient presented on 4/3/2017 with an acute exacerbation of low back pain "
        "after a lifting incident at work, with palpable paraspinal spasm on exam. MTUS "
        "recommends cyclobenzaprine as an option for a short course of therapy. This is "
        "the first time cyclobenzaprine has been prescribed. Thirty tablets at bedtime "
        "amounts to a one-month supply, which is longer than the 2-3 weeks recommended; "
        "however, the patient's treating physician specified that he should take it only "
        "as needed at bedtime for the flare. Given that this is an acute exacerbation and "
        "a first prescription, I find the request reasonable. It is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-166",
        "Acupuncture 8 visits",
        "The patient had 6 prior acupuncture treatments with no documentation of "
        "functional improvement. The guidelines indicate treatments may be extended only "
        "if functional improvement is documented as defined in Section 9792.20(f). Absent "
        "such documentation, 8 more visits is not appropriate and the request remains "
        "non-certified.",
        "Upheld",
    ),
    (
        "pass7_a7-167",
        "Urine drug screen x 12 per year",
        "Urine drug testing is an established part of chronic opioid management and this "
        "patient is prescribed opioids. ODG recommends that patients at low risk be tested "
        "within 6 months of initiation and yearly thereafter, at moderate risk 2-3 times "
        "per year, and at high risk as often as once a month. The patient was stratified "
        "as moderate risk by the treating physician based on the Opioid Risk Tool. Monthly "
        "testing, or 12 tests per year, exceeds the 2-3 times per year supported for "
        "moderate-risk patients. The request is not medically necessary; a single test or "
        "a frequency consistent with his risk level would be supported.",
        "Upheld",
    ),
    (
        "pass7_a7-168",
        "Lumbar MRI",
        "The claimant is a 55-year-old woman with chronic low back pain of 6 years "
        "duration, and a prior MRI from 2011. The treating physician writes on 8/8/2016 "
        "that she now has new bowel incontinence and bilateral leg weakness progressing "
        "over 2 weeks, with saddle anesthesia on exam. These are red flags for cauda "
        "equina syndrome. Under ACOEM, emergence of a red flag warrants imaging. An MRI is "
        "urgently indicated and medically necessary. Of note, she should be referred to "
        "the emergency department for same-day evaluation if these findings are confirmed.",
        "Overturned",
    ),
    (
        "pass7_a7-169",
        "Norco 10/325 mg #120",
        "The patient has been prescribed Norco for chronic low back pain. The "
        "documentation reflects a VAS of 8/10 to 5/10 with medications. The provider "
        "indicates the patient is able to perform activities of daily living with the "
        "medication but did not specify which ones. A urine drug screen from 4/2014 was "
        "consistent. Although the documentation is incomplete with respect to specific "
        "functional gains, the records suggest overall stability on the regimen.",
        None,
    ),
    (
        "pass7_a7-170",
        "Physical therapy 8 visits for the left shoulder",
        "The MTUS recommends 9-10 visits over 8 weeks for myalgia. The patient sustained a "
        "left shoulder strain on 9/1/2021. The records submitted do not indicate whether "
        "prior therapy has been provided, although the 10/15/2021 note refers to "
        "'continuing therapy.' The guidelines emphasize fading of treatment frequency plus "
        "active self-directed home physical medicine.",
        None,
    ),
    (
        "pass7_a7-171",
        "Flector patch 1.3% #30",
        "Flector patch contains diclofenac epolamine. MTUS indicates topical NSAIDs are "
        "recommended for osteoarthritis and tendinitis, in particular that of the knee and "
        "elbow or other joints amenable to topical treatment, for short-term use (4-12 "
        "weeks). The patient is using the patch for the lumbar spine. There's little "
        "evidence to utilize topical NSAIDs for the spine, hip or shoulder. The patient "
        "has also been using the patch for over 1 year. The request for Flector patch 1.3% "
        "#30 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-172",
        "Ketamine 5% cream 60 gm",
        "Topical ketamine is under study and is only recommended for treatment of "
        "neuropathic pain in refractory cases in which all primary and secondary treatment "
        "has been exhausted. The patient has CRPS of the right foot, confirmed by the "
        "Budapest criteria. Trials of gabapentin, Lyrica, nortriptyline, duloxetine, and "
        "Lidoderm, as well as a series of lumbar sympathetic blocks, have been "
        "unsuccessful, as documented in detail in the pain management notes. Given that "
        "all primary and secondary treatments have been exhausted, the ketamine cream is "
        "consistent with the guideline and medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-173",
        "Ambien CR 12.5 mg #30",
        "Short-term use of zolpidem (7-10 days) is indicated for insomnia. The patient has "
        "been taking Ambien CR for over 6 months. There is no documentation of improved "
        "sleep or function, nor is there any documentation of attempted non-pharmacologic "
        "sleep hygiene measures. The request for Ambien CR is not supported. The physician "
        "should consider tapering, because abrupt discontinuation may lead to rebound "
        "insomnia.",
        "Upheld",
    ),
    (
        "pass7_a7-174",
        "Norco 10/325 mg #120",
        "I have reviewed the UR decision and the records. The UR reviewer certified a "
        "modified quantity of #60 to allow for weaning, which I believe was appropriate. "
        "The 4 A's are not documented; the notes do not record pain levels with and "
        "without medication, objective functional gains, or urine drug screen results. "
        "Only a partial quantity is supported for weaning purposes. Therefore the request "
        "for Norco 10/325 mg #120 is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-175",
        "Chiropractic care 1x6 for the lumbar spine",
        "Chiropractic manipulation is recommended for chronic low back pain. For "
        "recurrences/flare-ups, MTUS indicates the need to re-evaluate treatment success, "
        "and if return to work is achieved then 1-2 visits every 4-6 months. The patient "
        "returned to full duty after her initial course of 12 chiropractic visits in 2015, "
        "with documented objective improvement. She now presents with a flare-up after a "
        "long drive. The guidelines support 1-2 visits for a flare-up in a patient who has "
        "returned to work. Six visits exceeds that. As such, the request is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-176",
        "Repeat MRI of the cervical spine",
        "The patient had a prior cervical MRI in 2014. Since then, she has developed "
        "progressive weakness in the right hand intrinsics, from 5/5 to 3+/5, and new "
        "hyperreflexia in the lower extremities with a positive Hoffmann's sign. ODG "
        "states that repeat MRI is indicated for a significant change in symptoms and/or "
        "findings suggestive of significant pathology. These new findings are suggestive "
        "of cervical myelopathy. The request for repeat cervical MRI is medically "
        "necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-177",
        "Nucynta ER 100 mg #60",
        "Tapentadol (Nucynta) is recommended by ODG as second-line therapy for patients "
        "who develop intolerable adverse effects with first-line opioids. The patient "
        "developed intolerable nausea and pruritus on hydrocodone and oxycodone, as "
        "documented in the 3/2015 pain management note. On Nucynta ER, she reports pain "
        "reduction from 8/10 to 4/10 and increased tolerance for standing from 10 minutes "
        "to 45 minutes. Urine drug screens have been consistent. Nucynta ER 100 mg #60 is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-178",
        "Fentanyl patch 50 mcg/hr #15",
        "Duragesic is not recommended as a first-line therapy. The FDA-approved product "
        "labeling states that Duragesic is indicated in the management of chronic pain in "
        "patients who require continuous opioid analgesia for pain that cannot be managed "
        "by other means. In this case, there is no indication that the patient has failed "
        "oral opioids, nor any documentation of functional improvement with the patch "
        "which has been used since 2013. The dose of 50 mcg/hr corresponds to 120 MED, and "
        "he is also taking oxycodone IR. The request for fentanyl patch is not medically "
        "necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-179",
        "Physical therapy 2x3 for the left ankle",
        "The request for physical therapy 2x3 for the left ankle is medically necessary. "
        "This pt rolled her ankle stepping off a forklift on 3/9/2021; xrays negative. She "
        "has had no therapy. ODG allows 9 visits over 8 weeks for ankle sprain. Six "
        "sessions is within guidelines. Regarding the concurrently requested ankle MRI, "
        "that item is not medically necessary as there are no red flags and conservative "
        "care has not yet been attempted.",
        "Overturned",
    ),
    (
        "pass7_a7-180",
        "MRI of the left ankle",
        "The request for physical therapy for the left ankle is medically necessary, since "
        "she has had no therapy and the number of visits is within guidelines. Regarding "
        "the MRI of the left ankle, ACOEM states that for most cases presenting with true "
        "foot and ankle disorders, special studies are not needed until after a period of "
        "conservative care and observation. The injury was only 2 weeks prior and x-rays "
        "were negative. There are no red flags and conservative care has not yet been "
        "attempted. The MRI of the left ankle is not medically necessary at this time.",
        "Upheld",
    ),
    (
        "pass7_a7-181",
        "Norco 10/325 mg #90",
        "Per the MTUS, opioids may be continued if the patient has returned to work or has "
        "improved functioning and pain. The claimant is a 44 yo roofer who returned to "
        "modified work in 6/2017. Per the 8/1/17 PR2, norco brings pain from 7 to 3/10 and "
        "allows him to work his shifts. UDS appropriate, CURES ok, no SE. Thus continuing "
        "Norco is reasonable and should be authorized. Continued monitoring for aberrant "
        "behaviors and periodic attempts at dose reduction are encouraged.",
        "Overturned",
    ),
    (
        "pass7_a7-182",
        "Soma 350 mg #30",
        "Carisoprodol is not recommended by MTUS and is not indicated for long-term use. "
        "The patient's been taking Soma intermittently for 3 years. I'm not able to "
        "certify this. The denial is upheld. Since abrupt discontinuation can cause "
        "withdrawal, the provider may wish to taper.",
        "Upheld",
    ),
    (
        "pass7_a7-183",
        "Lumbar epidural steroid injection L5-S1",
        "The patient had a prior L5-S1 ESI on 1/10/2018 with 70% reduction in radicular "
        "pain lasting 10 weeks, along with a decrease in Norco from 4 to 1 tablet daily "
        "and return to regular duty, as documented by the treating physician on 2/2018 and "
        "3/2018. Symptoms have now recurred with the same left S1 distribution. MTUS "
        "criteria for a repeat block are met: at least 50% pain relief with associated "
        "reduction of medication use for six to eight weeks. I would reverse the UR "
        "determination; the repeat L5-S1 ESI is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-184",
        "H-wave unit purchase",
        "H-wave stimulation is not recommended as an isolated intervention, but a "
        "one-month home-based trial may be considered as a noninvasive conservative option "
        "for diabetic neuropathic pain or chronic soft tissue inflammation if used as an "
        "adjunct to a program of evidence-based functional restoration, and only following "
        "failure of initially recommended conservative care, including physical therapy, "
        "medications, plus TENS. There is no documentation that a TENS unit was tried and "
        "failed. The vendor's questionnaire indicates the patient used the H-wave for 30 "
        "days, but the treating physician does not document any objective functional "
        "improvement or medication reduction. Thus purchase is not supported.",
        "Upheld",
    ),
    (
        "pass7_a7-185",
        "Tramadol 50 mg #120",
        "MTUS recomends ongoing review of pain relief, functional status, appropriate "
        "medication use, and side effects. The records dont include any of that. The last "
        "note from 12/2/2015 just lists 'continue meds' w/ no pain score. No UDS. Thus the "
        "tramdol is not medically neccessary.",
        "Upheld",
    ),
    (
        "pass7_a7-186",
        "Lidoderm 5% patch #30",
        "MTUS reccomends Lidoderm for localized peripheral neuropathic pain after a trial "
        "of first line therapy such as gabapentin or a tricyclic. The pt has meralgia "
        "paresthetica of the L thigh confirmed by NCS, and failed gabapentin and "
        "amitriptyline due to sedation. Per the 4/14/2016 note the patch reduces burning "
        "by 50% and allows her to wear pants. Guidelines are met. Lidoderm is medically "
        "neccessary.",
        "Overturned",
    ),
    (
        "pass7_a7-187",
        "Right shoulder arthroscopy with rotator cuff repair",
        "ODG indications for surgery for a full-thickness rotator cuff tear include "
        "weakness in abduction and a full-thickness tear on imaging; conservative "
        "treatment is not required for acute full-thickness tears in younger patients. The "
        "patient is a 52-year-old mechanic who fell from a truck bed on 5/20/2016 and has "
        "a 2 cm full-thickness supraspinatus tear with minimal retraction on MRI, weakness "
        "with resisted abduction at 3+/5, and a positive drop arm test. Given the acute "
        "traumatic nature of the tear in an active worker, early repair is appropriate. "
        "Based on the guideline criteria and the clinical findings, surgery is supported. "
        "The request is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-188",
        "Post-operative physical therapy 24 visits for the right shoulder",
        "The right shoulder rotator cuff repair was found to be medically necessary. The "
        "Postsurgical Treatment Guidelines allow 24 visits over 14 weeks for rotator cuff "
        "repair, but the initial course of therapy is one-half of that, i.e., 12 visits. "
        "The request for 24 visits exceeds the initial course, after which the patient's "
        "progress should be reassessed. Since the initial postoperative course is 12 "
        "visits, the request for 24 visits is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-189",
        "Retrospective request for interferential unit rental (DOS 1/1/2015 - 1/31/2015)",
        "The retrospective request is for a one-month trial of an interferential unit. "
        "MTUS supports a one-month trial when pain is ineffectively controlled due to the "
        "diminished effectiveness of medications or side effects. The records show that "
        "this patient was intolerant to NSAIDs and opioids and was concurrently "
        "participating in a home exercise program and attempting to return to work. The "
        "one-month trial was therefore appropriate and medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-190",
        "Norco 10/325 mg #60 with 2 refills",
        "This 60 yo man has had 3 lumbar surgeries. MTUS 4 A's are documented: analgesia "
        "(9 to 5/10), ADLs (showering and dressing independently, walking to mailbox), "
        "adverse effects (none), aberrant behavior (none; UDS consistent 3/2019). However, "
        "the request includes 2 refills, i.e., a 3-month supply, which does not allow for "
        "the monthly reassessment recommended by the guidelines for patients on chronic "
        "opioids. The request as written is therefore not medically necessary. A single "
        "month's supply would be appropriate.",
        "Upheld",
    ),
    (
        "pass7_a7-191",
        "Omeprazole 20 mg #30",
        "Omeprazole is a PPI. Per MTUS, PPIs are recommended with NSAIDs in patients with "
        "intermediate risk for GI events. The pt is 70 yo and on naproxen and prednisone "
        "for an unrelated condition. That's two risk factors (age >65 and concurrent "
        "corticosteroids). Accordingly omeprazole is medically necessary for GI "
        "prophylaxis.",
        "Overturned",
    ),
    (
        "pass7_a7-192",
        "Dendracin lotion 120 ml",
        "Dendracin contains methyl salicylate, benzocaine and menthol. Benzocaine, a "
        "topical anesthetic, is not recommended by MTUS for chronic pain, as only Lidoderm "
        "is approved among topical anesthetics. As the compound contains at least one drug "
        "that is not recommended, the compound as a whole is not recommended. Not "
        "medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-193",
        "Gym membership x 6 months",
        "ODG does not recommend gym memberships as a medical prescription unless a "
        "documented home exercise program with periodic assessment and revision has not "
        "been effective and there is a need for equipment. Plus, treatment needs to be "
        "monitored and administered by medical professionals. There is no documentation "
        "that the home exercise program has been ineffective or that specialized equipment "
        "is required. A gym membership is not medically necessary.",
        "Upheld",
    ),
    (
        "pass7_a7-194",
        "Consultation with a hand surgeon",
        "The claimant has a 3 cm ganglion cyst on the dorsal right wrist which has "
        "recurred after aspiration x 2 and is interfering with his work as a machinist. "
        "ACOEM supports referral for surgical consultation when there are activity "
        "limitations for more than one month and failure to respond to conservative "
        "management. A hand surgery consult is clearly reasonable here. The request is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-195",
        "Norco 10/325 mg #120",
        "The treating provider documents that the patient's pain decreases from 9/10 to "
        "6/10 with Norco. The patient is noted to be working full time. The patient signed "
        "an opioid agreement in 2014. However, the most recent urine drug screen from "
        "11/2015 was positive for methamphetamine and negative for hydrocodone, and there "
        "is no discussion of this result or any change in treatment plan. Given this "
        "aberrant finding, ongoing prescribing is not appropriate without addressing the "
        "inconsistent results. The request is not medically necessary. Referral to an "
        "addiction specialist should be considered.",
        "Upheld",
    ),
    (
        "pass7_a7-196",
        "Qualitative urine drug screen",
        "The patient is being started on tramadol for the first time per the 5/5/2019 "
        "PR-2. MTUS recommends a urine drug screen as a step before a therapeutic trial of "
        "opioids. A baseline screen has not been done. The qualitative urine drug screen "
        "is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-197",
        "Right knee MRI",
        "The patient has persistent right knee pain following a twisting injury 3 months "
        "ago. She's had 6 PT visits and NSAIDs. Exam: medial joint line tenderness, "
        "positive McMurray, trace effusion. X-rays unremarkable. The guidelines recommend "
        "MRI for suspected meniscal tears when surgery is being considered. The treating "
        "physician states that arthroscopy would be considered if a tear is found. "
        "Certification is recommended.",
        "Overturned",
    ),
    (
        "pass7_a7-198",
        "Physical therapy for the right knee, 2 times per week for 4 weeks",
        "Following right knee partial medial meniscectomy, the Postsurgical Treatment "
        "Guidelines allow 12 visits over 12 weeks. The patient underwent the arthroscopy "
        "on 10/2/2019 and has had 12 post-op sessions. He continues to lack 10 degrees of "
        "full extension and has a quadriceps lag. Though the request would exceed the "
        "guideline number, the guidelines permit additional visits when there are ongoing "
        "functional deficits and the patient is making progress. The progress notes show "
        "steady gains. An additional 8 visits is appropriate in this case. The request is "
        "medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-199",
        "Zolpidem 5 mg #15",
        "The patient is 4 weeks out from a lumbar fusion and is having difficulty with "
        "sleep due to postoperative pain. This is a first-time prescription for zolpidem. "
        "ODG supports short-term (7-10 days, up to 2-6 weeks) use of zolpidem for "
        "insomnia. The quantity of 15 tablets is consistent with short-term use. The "
        "request is medically necessary.",
        "Overturned",
    ),
    (
        "pass7_a7-200",
        "Diclofenac sodium 1.5% solution 60 ml",
        "Pennsaid (diclofenac sodium topical solution) is recommended as an option for "
        "osteoarthritis of the knee. This patient has mild knee OA documented on x-ray and "
        "is unable to tolerate oral NSAIDs due to a history of gastric bypass surgery. "
        "Topical diclofenac is an appropriate option. The request is medically necessary.",
        "Overturned",
    ),
]

# Confidently wrong today, each with the structural cause.
XFAIL: dict[str, str] = {
    "pass5_D12": "', but not a purchase' after a rental's ruling marks a partial (but_not): the "
    "purchase was never requested",
    "pass5_F17": "a later ruling on part of the request ('The request for a 30-day weaning supply "
    "is medically necessary') is read as this request's",
    "pass5_H08": "'the request for a brace for the other knee' is another item's, so the ruling "
    "falls to a guideline sentence before it ('A knee brace is medically appropriate for ...'); "
    "rejecting indefinite subjects broke real endings ('a MRI of the Elbow is not a medical "
    "necessity')",
    "pass5_I01": "'the remaining 6 visits' is no subject of this request (no request word, no item "
    "name), so the ruling falls to a guideline-like sentence before it",
    "pass5_I03": "'the additional 6 visits' is no subject of this request, as in pass5_I01",
    "pass5_I05": "the request signal accepts another treatment's request in a main clause ('the "
    "request for a home exercise kit is reasonable'); rejecting other tagged treatments there "
    "broke real endings whose generic words are tagged ('the quantity of medication requested')",
}


def _params() -> list:
    out = []
    for case in CASES:
        marks = ([pytest.mark.xfail(strict=True, reason=XFAIL[case[0]])]
                 if case[0] in XFAIL else [])  # fmt: skip
        out.append(pytest.param(*case, id=case[0], marks=marks))
    return out


def test_case_ids_are_unique_and_xfails_exist():
    ids = [case[0] for case in CASES]
    assert len(ids) == len(set(ids)) and len(ids) >= 40
    assert set(XFAIL) <= set(ids)


@pytest.mark.parametrize(("case_id", "item", "text", "answer"), _params())
def test_reader_never_reads_the_wrong_way(case_id, item, text, answer):
    ruling = read_ruling(text, item)
    if answer is None:
        assert ruling.decision is None, (ruling.decision, ruling.sentence)
    else:
        assert ruling.decision in (answer, None), (ruling.decision, ruling.sentence)
    if ruling.decision is None:
        assert ruling_review(ruling.model_dump()) in (["no_ruling_sentence"], ["ruling_ambiguous"])
    else:
        assert ruling.sentence and ruling.sentence in " ".join(text.split())


def test_reader_reads_most_answered_endings_rather_than_abstaining():
    # Abstaining is safe but not free: an always-abstaining reader must not pass this file.
    answered = [case for case in CASES if case[3] is not None]
    read = sum(read_ruling(text, item).decision == answer for _, item, text, answer in answered)
    assert read >= 0.75 * len(answered)
