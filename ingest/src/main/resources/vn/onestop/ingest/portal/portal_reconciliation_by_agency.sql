-- portal_reconciliation_by_agency: per agency, the dossiers compared, how many the portal holds, and how many
-- differ in each way (a dossier counts once per kind, whichever of its dates differ).
SELECT
    agency_code,
    count_if(compared)                                                             AS province_cases,
    count_if(compared AND on_portal)                                               AS portal_cases,
    count_if(compared AND NOT on_portal)                                           AS missing_on_portal,
    count_if(NOT in_province)                                                      AS only_on_portal,
    count_if(status_differs)                                                       AS status_differs,
    count_if(received_differs OR due_differs OR finished_differs OR returned_differs) AS dates_differ,
    count_if(channel_differs)                                                      AS channel_differs,
    count_if(paid_online_differs OR fee_differs)                                   AS payment_differs
FROM portal_pairs
GROUP BY agency_code
