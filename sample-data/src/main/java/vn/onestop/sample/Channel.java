package vn.onestop.sample;

/** How a dossier was submitted (KenhThucHien). */
enum Channel {
    DIRECT, ONLINE, POSTAL
}
