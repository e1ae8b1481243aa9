-- portal_differences: one row per dossier and finding — missing on the portal, only on the portal, or a field
-- whose value differs — with both values as text (local times as yyyy-MM-dd HH:mm).
SELECT case_id, agency_code, 'MISSING_ON_PORTAL' AS difference, CAST(NULL AS STRING) AS province_value,
       CAST(NULL AS STRING) AS portal_value, received_at
FROM portal_pairs WHERE compared AND NOT on_portal
UNION ALL
SELECT case_id, agency_code, 'ONLY_ON_PORTAL', NULL, NULL, received_at
FROM portal_pairs WHERE NOT in_province
UNION ALL
SELECT case_id, agency_code, 'STATUS', CAST(p_status AS STRING), CAST(q_status AS STRING), received_at
FROM portal_pairs WHERE status_differs
UNION ALL
SELECT case_id, agency_code, 'RECEIVED_AT', date_format(p_received_at, 'yyyy-MM-dd HH:mm'),
       date_format(q_received_at, 'yyyy-MM-dd HH:mm'), received_at
FROM portal_pairs WHERE received_differs
UNION ALL
SELECT case_id, agency_code, 'DUE_AT', date_format(p_due_at, 'yyyy-MM-dd HH:mm'),
       date_format(q_due_at, 'yyyy-MM-dd HH:mm'), received_at
FROM portal_pairs WHERE due_differs
UNION ALL
SELECT case_id, agency_code, 'FINISHED_AT', date_format(p_finished_at, 'yyyy-MM-dd HH:mm'),
       date_format(q_finished_at, 'yyyy-MM-dd HH:mm'), received_at
FROM portal_pairs WHERE finished_differs
UNION ALL
SELECT case_id, agency_code, 'RETURNED_AT', date_format(p_returned_at, 'yyyy-MM-dd HH:mm'),
       date_format(q_returned_at, 'yyyy-MM-dd HH:mm'), received_at
FROM portal_pairs WHERE returned_differs
UNION ALL
SELECT case_id, agency_code, 'CHANNEL', p_channel, q_channel, received_at
FROM portal_pairs WHERE channel_differs
UNION ALL
SELECT case_id, agency_code, 'PAID_ONLINE', CAST(p_paid_online AS STRING), CAST(q_paid_online AS STRING), received_at
FROM portal_pairs WHERE paid_online_differs
UNION ALL
SELECT case_id, agency_code, 'FEE_AMOUNT', CAST(p_fee_amount AS STRING), CAST(q_fee_amount AS STRING), received_at
FROM portal_pairs WHERE fee_differs
