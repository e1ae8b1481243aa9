package vn.onestop.ingest.drop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import vn.onestop.ingest.drop.DropFileStager.UnreadableDropException;

/**
 * What a drop holds, from its first bytes rather than its name: offices rename files, and "export to Excel" buttons
 * often write something else. A workbook is read as XLSX and text as CSV whatever the extension says (the content
 * is unambiguous); an old .xls, a web page, a PDF or a compressed file is rejected with the way to a readable one.
 */
enum DropContent {
    TEXT, XLSX;

    static DropContent of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        String name = file.getFileName().toString();
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            return XLSX;
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw new UnreadableDropException(name + " is an Excel 97-2003 workbook (.xls), which is not read. Open it "
                    + "in Excel, save it as .xlsx (Excel Workbook) or \"CSV UTF-8\", and drop that file.");
        }
        if (startsWith(head, 0x1F, 0x8B)) {
            throw new UnreadableDropException(name + " is compressed (gzip). Unpack it and drop the CSV or XLSX file "
                    + "inside.");
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            throw new UnreadableDropException(name + " is a PDF document, not a table. Drop the CSV or XLSX file the "
                    + "data was exported to.");
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading()
                .toLowerCase(Locale.ROOT);
        if (text.startsWith("<")) {
            throw new UnreadableDropException(name + " is a web page (HTML) or XML file, as some \"export to Excel\" "
                    + "buttons write, not CSV or XLSX. Open it in Excel, save it as .xlsx or \"CSV UTF-8\", and drop "
                    + "that file.");
        }
        return TEXT;
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
