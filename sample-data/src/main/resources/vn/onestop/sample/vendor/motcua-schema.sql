-- A vendor-like one-stop electronic information system (Hệ thống thông tin giải quyết TTHC) for PostgreSQL:
-- its own Vietnamese table and column names, its own status list, local timestamps (Asia/Ho_Chi_Minh, no time
-- zone) and a last-modified column on every table, as such systems keep them. Running the script replaces the
-- schema motcua and everything in it.
DROP SCHEMA IF EXISTS motcua CASCADE;
CREATE SCHEMA motcua;

-- Trạng thái hồ sơ: the vendor's internal status codes (richer than the national list).
CREATE TABLE motcua.dm_trangthai (
    ma_trangthai   SMALLINT     PRIMARY KEY,
    ten_trangthai  VARCHAR(200) NOT NULL
);
INSERT INTO motcua.dm_trangthai VALUES
    (0,  'Mới nộp trực tuyến, chờ tiếp nhận'),
    (1,  'Đã tiếp nhận'),
    (2,  'Từ chối tiếp nhận'),
    (3,  'Đang thẩm định, xử lý'),
    (4,  'Trình lãnh đạo phê duyệt'),
    (5,  'Chờ ký số kết quả'),
    (6,  'Yêu cầu bổ sung hồ sơ'),
    (7,  'Công dân đã bổ sung, chờ tiếp nhận bổ sung'),
    (8,  'Chờ thực hiện nghĩa vụ tài chính'),
    (9,  'Công dân rút hồ sơ'),
    (10, 'Dừng xử lý'),
    (11, 'Đã có kết quả, chờ trả'),
    (12, 'Đã trả kết quả');

-- Đơn vị: agencies, with their hierarchy, validity and successor after a merger.
CREATE TABLE motcua.dm_donvi (
    id                 SERIAL        PRIMARY KEY,
    ma_donvi           VARCHAR(60)   NOT NULL UNIQUE,
    ten_donvi          VARCHAR(400)  NOT NULL,
    loai_donvi         VARCHAR(20)   NOT NULL,  -- SO_NGANH | UBND_TINH | UBND_HUYEN | UBND_XA | CHI_NHANH | NGANH_DOC
    donvi_cha_id       INTEGER       REFERENCES motcua.dm_donvi (id),
    hieu_luc_tu        DATE,
    hieu_luc_den       DATE,
    donvi_ke_thua_id   INTEGER       REFERENCES motcua.dm_donvi (id),
    ngay_cap_nhat      TIMESTAMP(0)  NOT NULL
);

CREATE TABLE motcua.dm_linhvuc (
    id             SERIAL        PRIMARY KEY,
    ma_linhvuc     VARCHAR(40)   NOT NULL UNIQUE,
    ten_linhvuc    VARCHAR(400)  NOT NULL
);

-- Thủ tục hành chính.
CREATE TABLE motcua.dm_thutuc (
    id                       SERIAL         PRIMARY KEY,
    ma_thutuc                VARCHAR(40)    NOT NULL UNIQUE,
    ten_thutuc               VARCHAR(600)   NOT NULL,
    linhvuc_id               INTEGER        REFERENCES motcua.dm_linhvuc (id),
    cap_thuc_hien            VARCHAR(10),   -- TINH | XA
    thoi_han                 NUMERIC(9, 2),
    don_vi_thoi_han          VARCHAR(10),   -- GIO | NGAY | NGAY_LV | THANG
    muc_do_truc_tuyen        VARCHAR(12),   -- KHONG | MOT_PHAN | TOAN_TRINH
    du_dk_toan_trinh         BOOLEAN,
    ket_qua_la_giay_to       BOOLEAN,
    co_phi_le_phi            BOOLEAN,
    doi_tuong_thuc_hien      VARCHAR(40),
    ngay_qd_cong_bo          DATE,
    ngay_hieu_luc            DATE,
    ngay_cong_khai           DATE,
    cong_khai_day_du         BOOLEAN,
    ngay_cap_nhat            TIMESTAMP(0)   NOT NULL
);

CREATE TABLE motcua.dm_donvi_thutuc (
    id             SERIAL        PRIMARY KEY,
    donvi_id       INTEGER       NOT NULL REFERENCES motcua.dm_donvi (id),
    thutuc_id      INTEGER       NOT NULL REFERENCES motcua.dm_thutuc (id),
    ngay_cap_nhat  TIMESTAMP(0)  NOT NULL,
    UNIQUE (donvi_id, thutuc_id)
);

-- Hồ sơ: one row per dossier, updated in place; ngay_cap_nhat changes with every change.
CREATE TABLE motcua.hs_hoso (
    id                      BIGSERIAL      PRIMARY KEY,
    ma_hoso                 VARCHAR(80)    NOT NULL UNIQUE,
    nguon                   VARCHAR(40)    NOT NULL,  -- system that created the dossier
    donvi_id                INTEGER        NOT NULL REFERENCES motcua.dm_donvi (id),
    donvi_tiep_nhan_id      INTEGER        REFERENCES motcua.dm_donvi (id),
    thutuc_id               INTEGER        NOT NULL REFERENCES motcua.dm_thutuc (id),
    hinh_thuc_nop           VARCHAR(12)    NOT NULL,  -- TRUC_TIEP | TRUC_TUYEN | BUU_CHINH
    trang_thai              SMALLINT       NOT NULL REFERENCES motcua.dm_trangthai (ma_trangthai),
    loai_doi_tuong          SMALLINT,
    chu_hoso_ten            VARCHAR(300),
    chu_hoso_giay_to        VARCHAR(40),
    chu_hoso_dien_thoai     VARCHAR(20),
    chu_hoso_email          VARCHAR(200),
    ngay_nop                TIMESTAMP(0),
    ngay_tiep_nhan          TIMESTAMP(0),
    ngay_hen_tra            TIMESTAMP(0),
    ngay_ket_thuc_xu_ly     TIMESTAMP(0),
    ngay_tra_kq             TIMESTAMP(0),
    ngay_tu_choi            TIMESTAMP(0),
    ngay_tao                TIMESTAMP(0)   NOT NULL,  -- insert time, not editable by staff
    co_tep_dinh_kem         BOOLEAN        NOT NULL DEFAULT FALSE,
    tai_su_dung_so_hoa      BOOLEAN        NOT NULL DEFAULT FALSE,
    lay_tu_kho_ca_nhan      BOOLEAN        NOT NULL DEFAULT FALSE,
    xac_thuc_vneid          BOOLEAN        NOT NULL DEFAULT FALSE,
    ket_noi_csdl_dan_cu     BOOLEAN        NOT NULL DEFAULT FALSE,
    co_ket_qua_dien_tu      BOOLEAN        NOT NULL DEFAULT FALSE,
    tong_le_phi             NUMERIC(18, 2),
    thanh_toan_truc_tuyen   SMALLINT       NOT NULL DEFAULT 0,  -- 0 no | 1 on DVCQG | 2 provincial gateway
    ngay_dong_bo_dvcqg      TIMESTAMP(0),  -- last push to the national portal
    ngay_cap_nhat           TIMESTAMP(0)   NOT NULL
);
CREATE INDEX hs_hoso_cap_nhat ON motcua.hs_hoso (ngay_cap_nhat);

-- Quá trình xử lý: every step of a dossier, and in the same table the supplement requests (YC_BO_SUNG, with the
-- citizen's answer written into the row later) and the apology slips (XIN_LOI, form 04).
CREATE TABLE motcua.hs_quatrinhxuly (
    id                  BIGSERIAL      PRIMARY KEY,
    hoso_id             BIGINT         NOT NULL REFERENCES motcua.hs_hoso (id),
    thu_tu              INTEGER        NOT NULL,
    loai_buoc           VARCHAR(12)    NOT NULL,  -- XU_LY | YC_BO_SUNG | XIN_LOI
    thoi_diem           TIMESTAMP(0)   NOT NULL,
    trang_thai          SMALLINT       REFERENCES motcua.dm_trangthai (ma_trangthai),  -- status after the step
    noi_dung            VARCHAR(1000),
    don_vi_xu_ly        VARCHAR(300),
    can_bo              VARCHAR(40),
    ly_do               VARCHAR(1000),   -- XIN_LOI: reason
    han_cu              TIMESTAMP(0),    -- YC_BO_SUNG, XIN_LOI: due time before
    han_moi             TIMESTAMP(0),    -- YC_BO_SUNG, XIN_LOI: new due time
    ngay_nhan_bo_sung   TIMESTAMP(0),    -- YC_BO_SUNG: when the citizen's supplement was accepted
    ngay_cap_nhat       TIMESTAMP(0)     NOT NULL,
    UNIQUE (hoso_id, thu_tu)
);
CREATE INDEX hs_quatrinhxuly_cap_nhat ON motcua.hs_quatrinhxuly (ngay_cap_nhat);

-- Đánh giá: the citizen's rating.
CREATE TABLE motcua.hs_danhgia (
    id              BIGSERIAL      PRIMARY KEY,
    hoso_id         BIGINT         NOT NULL REFERENCES motcua.hs_hoso (id),
    thoi_diem       TIMESTAMP(0)   NOT NULL,
    muc_hai_long    SMALLINT,      -- 1..5
    hai_long        BOOLEAN,
    ngay_cap_nhat   TIMESTAMP(0)   NOT NULL
);
CREATE INDEX hs_danhgia_cap_nhat ON motcua.hs_danhgia (ngay_cap_nhat);
