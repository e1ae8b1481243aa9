-- feedback_fingerprint: what a run saw of each feedback (PAKN): its earliest moment and a hash of the whole row.
-- A changed feedback can alter only the periods that end after the earlier of its two versions' first moment.
SELECT feedback_id,
       least(submitted_at, received_at, rejected_at, supplement_requested_at, handled_at, published_at) AS first_at,
       xxhash64(to_json(named_struct('agency_code', agency_code, 'case_id', case_id, 'category', category,
           'submitted_at', submitted_at, 'received_at', received_at, 'rejected_at', rejected_at,
           'supplement_requested_at', supplement_requested_at, 'handled_at', handled_at,
           'published_at', published_at, 'likes', likes, 'dislikes', dislikes,
           'complaint_after', complaint_after))) AS row_hash
FROM lake_feedback
