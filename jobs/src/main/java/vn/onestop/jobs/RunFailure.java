package vn.onestop.jobs;

import java.util.Locale;
import java.util.Optional;
import vn.onestop.core.store.RunCancelledException;
import vn.onestop.core.store.RunMessage;
import vn.onestop.core.store.Store;
import vn.onestop.core.store.StoreException;
import vn.onestop.dashboard.text.Labels;
import vn.onestop.dashboard.text.Language;
import vn.onestop.ingest.Lake;

/**
 * A failed run, told so that the reader knows what broke and what to do: a damaged lake file is named with the way
 * to rewrite it, a store that failed is named with its location; other failures keep their own message (sources
 * already name themselves).
 */
final class RunFailure extends RuntimeException {
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    RunFailure(String message, Throwable cause) {
        super(message, cause);
    }

    static String message(Throwable e, Store store) {
        Optional<String> damaged = Lake.damagedFile(e);
        if (damaged.isPresent()) {
            return "The lake file " + damaged.get() + " cannot be read: it is damaged (" + root(e) + "). Move it out of "
                    + "the lake, then run 'ingest --full' to read the sources again in full and rewrite its partition "
                    + "(for a table loaded from a folder, 'ingest --input' with that folder). The previously published "
                    + "run keeps serving.";
        }
        Optional<StoreException> storeFailure = find(e, StoreException.class);
        if (storeFailure.isPresent()) {
            return "The " + store.describe() + " failed: " + storeFailure.get().getMessage() + ". The previously "
                    + "published run keeps serving; check that the database is up and reachable, then run again.";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /**
     * The failure as the run's record keeps it: the English message above, and in Vietnamese what broke and what to
     * do, with the technical detail (an exception's own text, in English) after it.
     */
    static RunMessage runMessage(Throwable e, Store store, String stage) {
        String en = message(e, store);
        Optional<String> damaged = Lake.damagedFile(e);
        Optional<StoreException> storeFailure = find(e, StoreException.class);
        String vi;
        if (damaged.isPresent()) {
            vi = "Tệp dữ liệu " + damaged.get() + " bị hỏng, không đọc được (" + root(e) + "). Hãy chuyển tệp ra khỏi "
                    + "kho dữ liệu (lake), rồi chạy 'ingest --full' để đọc lại toàn bộ nguồn và ghi lại phần dữ liệu đó "
                    + "(bảng nạp từ thư mục: 'ingest --input' với thư mục ấy). Lần chạy đã công bố trước đó vẫn được dùng.";
        } else if (storeFailure.isPresent()) {
            vi = "Cơ sở dữ liệu kết quả (" + store.describe() + ") gặp lỗi: " + storeFailure.get().getMessage()
                    + ". Lần chạy đã công bố trước đó vẫn được dùng; hãy kiểm tra cơ sở dữ liệu đang chạy "
                    + "và kết nối được, rồi chạy lại.";
        } else {
            vi = "Lần chạy thất bại ở giai đoạn " + stageVi(stage) + "; lần chạy đã công bố trước đó vẫn được dùng. "
                    + "Chi tiết (tiếng Anh): " + en;
        }
        return RunMessage.of(en, vi);
    }

    /** A stage's name as the runs page shows it in Vietnamese (its label), inside a sentence. */
    static String stageVi(String stage) {
        return stage == null ? "chuẩn bị"
                : Labels.getOrDefault(Language.VI, "run.stage." + stage, stage).toLowerCase(VIETNAMESE);
    }

    static boolean cancelled(Throwable e) {
        return find(e, RunCancelledException.class).isPresent();
    }

    private static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
