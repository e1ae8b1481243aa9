-- portal_pairs: each dossier of the province beside the national portal's copy of it (either may be missing),
-- with which of the compared fields differ. A dossier the province changed after the portal's snapshot was taken
-- is not compared (the portal cannot know that change yet); it still counts as present when the portal has it.
-- Times are compared to the minute: the portal keeps seconds, but a difference under a minute is no finding.
WITH snapshot AS (
    SELECT max(synced_at) AS taken_at FROM portal_case
),
pairs AS (
    SELECT
        coalesce(p.case_id, q.case_id)           AS case_id,
        coalesce(p.agency_code, q.agency_code)   AS agency_code,
        coalesce(p.received_at, q.received_at)   AS received_at,
        p.case_id IS NOT NULL                    AS in_province,
        q.case_id IS NOT NULL                    AS on_portal,
        p.case_id IS NOT NULL AND (p.updated_at IS NULL OR s.taken_at IS NULL OR p.updated_at <= s.taken_at)
                                                 AS compared,
        p.status AS p_status, q.status AS q_status,
        p.received_at AS p_received_at, q.received_at AS q_received_at,
        p.due_at AS p_due_at, q.due_at AS q_due_at,
        p.finished_at AS p_finished_at, q.finished_at AS q_finished_at,
        p.returned_at AS p_returned_at, q.returned_at AS q_returned_at,
        p.channel AS p_channel, q.channel AS q_channel,
        p.paid_online AS p_paid_online, q.paid_online AS q_paid_online,
        p.fee_amount AS p_fee_amount, q.fee_amount AS q_fee_amount
    FROM province_case p
    FULL OUTER JOIN portal_case q ON q.case_id = p.case_id
    CROSS JOIN snapshot s
)
SELECT
    *,
    compared AND on_portal AND NOT (p_status <=> q_status)                                       AS status_differs,
    compared AND on_portal AND NOT (date_trunc('MINUTE', p_received_at) <=> date_trunc('MINUTE', q_received_at))
                                                                                                 AS received_differs,
    compared AND on_portal AND NOT (date_trunc('MINUTE', p_due_at) <=> date_trunc('MINUTE', q_due_at))
                                                                                                 AS due_differs,
    compared AND on_portal AND NOT (date_trunc('MINUTE', p_finished_at) <=> date_trunc('MINUTE', q_finished_at))
                                                                                                 AS finished_differs,
    compared AND on_portal AND NOT (date_trunc('MINUTE', p_returned_at) <=> date_trunc('MINUTE', q_returned_at))
                                                                                                 AS returned_differs,
    compared AND on_portal AND NOT (p_channel <=> q_channel)                                     AS channel_differs,
    compared AND on_portal AND NOT (coalesce(p_paid_online, 0) <=> coalesce(q_paid_online, 0))   AS paid_online_differs,
    compared AND on_portal AND NOT (p_fee_amount <=> q_fee_amount)                               AS fee_differs
FROM pairs
