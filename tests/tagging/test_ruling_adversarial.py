"""Adversarial hard endings for the ruling reader, written blind (h/adversary, issue 23).

Every rationale here is MADE UP (no real letter's text): the wording of other reviewers and eras
an outside evaluator may meet. Each case is (id, disputed item, rationale, answer): the answer a
careful human reads; None means no sentence rules on this item, so the reader must abstain. For
a case with an answer the reader may read it or abstain (flagged), never read the other way.
Cases the reader gets wrong with confidence today are xfail(strict=True) with the cause.
"""

from __future__ import annotations

import json
from pathlib import Path

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


# Passes 5 to 8 (h/adversary, 2026-12-07), each written blind against the reader of its day, are
# data: ruling_blind_cases.jsonl, one {"id", "item", "text", "answer"} per line (made up, no real
# letter's text). Pass 5 (132): "prior", "last", "other" in subjects, the UR's acts, years,
# while-clauses. Pass 6 (150): 74 ordinary endings, 76 hard ones. Pass 7 (200) and pass 8 (226):
# full-length rationales in many voices, 2013-2021, a quarter of pass 8 from letters deciding
# several items; the reader of their day read 171/200 and 218/226 right, 2 and 4 the wrong way.
# Pass 9 (260): 182 realistic rationales (177 right, none wrong, 5 abstained) and 78 hard endings
# (52 right, 3 wrong, 19 abstained, 4 rightly abstained) on the reader of its day.
CASES += [
    (row["id"], row["item"], row["text"], row["answer"])
    for row in map(
        json.loads, (Path(__file__).parent / "ruling_blind_cases.jsonl").read_text().splitlines()
    )
]

# Confidently wrong today, each with the structural cause.
XFAIL: dict[str, str] = {
    # Read where a human cannot tell which of two requests the item is: the item's text names
    # less than the rationale distinguishes, and the reader takes the last ruling on the service.
    "pass10_H049": "item names no side; the rationale rules each side its own way",
    "pass10_H067": "another specialty's follow-up visit shares the item's other words",
    "pass10_H069": "retrospective and prospective requests of one service, item names neither",
    "pass10_H071": "two strengths of one drug ruled apart, the item names no strength",
    "pass10_R196": "two dates of service ruled apart, the item names no date",
    "pass13_H058": "two body regions' requests ruled apart, the item names no region",
    "pass13_H098": "'it' after a subject rejected as the other side is read as the request",
    "pass14_H056": "a party's words with a date between the party and 'states' are not reported",
    "pass14_H062": "'this request' read as the item where the rationale rules on a sibling request",
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
        assert ruling.sentence and " ".join(ruling.sentence.split()) in " ".join(text.split())


def test_reader_reads_most_answered_endings_rather_than_abstaining():
    # Abstaining is safe but not free: an always-abstaining reader must not pass this file.
    answered = [case for case in CASES if case[3] is not None]
    read = sum(read_ruling(text, item).decision == answer for _, item, text, answer in answered)
    assert read >= 0.75 * len(answered)
