/* The editor's Vietnamese: Decap CMS's own "vi" locale, completed where it falls back to
   English (buttons, the toolbar of the text, lists, dates, the media library), and the
   picture component with Vietnamese labels and the portal's upload limit (sections.js).
   Runs after decap-cms.js and sections.js, and before the CMS
   reads its configuration, which it fetches, so these phrases are in place when it draws. */
(function () {
  "use strict";
  var CMS = window.CMS;

  var phrases = {
    auth: {
      loginWithAzure: "Đăng nhập bằng Azure",
      loginWithForgejo: "Đăng nhập bằng Forgejo",
    },
    collection: {
      collectionTop: {
        viewAsList: "Xem dạng danh sách",
        viewAsGrid: "Xem dạng lưới",
        groupBy: "Nhóm theo",
      },
      entries: { unpublishedHeader: "Bài chưa đăng" },
      groups: { other: "Khác", negateLabel: "Không %{label}" },
    },
    editor: {
      editorControl: { field: { widgetLabel: "Trường %{widgetLabel}" } },
      editorControlPane: {
        widget: {
          // Our pattern messages are whole sentences that say how to write the value.
          regexPattern: "%{fieldLabel}: %{pattern}",
        },
        i18n: {
          writingInLocale: "Đang viết bằng %{locale}",
          copyFromLocale: "Điền từ ngôn ngữ khác",
          copyFromLocaleConfirm:
            "Điền dữ liệu từ %{locale}?\nMọi nội dung đang có sẽ bị ghi đè.",
        },
      },
      editorInterface: {
        toggleI18n: "Bật/tắt đa ngôn ngữ",
        togglePreview: "Bật/tắt bản xem trước",
        toggleScrollSync: "Cuộn cùng bản xem trước",
        toggleNotes: "Bật/tắt ghi chú",
      },
      editorNotesPane: {
        title: "Ghi chú",
        emptyState: "Chưa có ghi chú. Thêm ghi chú đầu tiên ở dưới.",
        addNote: "Thêm ghi chú",
        addPlaceholder: "Thêm một ghi chú...",
        editPlaceholder: "Sửa ghi chú...",
        save: "Lưu",
        cancel: "Hủy",
        edit: "Sửa",
        delete: "Xóa",
        resolve: "Đánh dấu đã xong",
        unresolve: "Mở lại",
        confirmDelete: "Xóa ghi chú này?",
        shortcut: "Mẹo: bấm Ctrl+Enter để thêm ghi chú nhanh",
      },
      editorToolbar: {
        statusInfoTooltipDraft:
          "Bài đang là bản nháp. Khi viết xong, chọn trạng thái “Đang xét duyệt” để gửi Ban Biên tập.",
        statusInfoTooltipInReview:
          "Bài đang được xét duyệt, bạn không cần làm gì thêm; vẫn có thể sửa trong lúc chờ.",
      },
      editorWidgets: {
        markdown: {
          bold: "Chữ đậm",
          italic: "Chữ nghiêng",
          strikethrough: "Gạch ngang",
          code: "Mã",
          link: "Liên kết",
          linkPrompt: "Nhập địa chỉ của liên kết (https://…)",
          headings: "Tiêu đề mục",
          quote: "Trích dẫn",
          bulletedList: "Danh sách gạch đầu dòng",
          numberedList: "Danh sách đánh số",
          addComponent: "Thêm ảnh",
          toggleMode: {
            rich: "Chuyển sang soạn thảo thường",
            markdown: "Chuyển sang chế độ Markdown",
          },
        },
        image: {
          chooseMultiple: "Chọn các hình",
          chooseUrl: "Chèn từ địa chỉ",
          replaceUrl: "Thay bằng địa chỉ",
          promptUrl: "Nhập địa chỉ của hình",
          addMore: "Thêm hình",
          removeAll: "Xóa mọi hình",
        },
        file: {
          chooseUrl: "Chèn từ địa chỉ",
          chooseMultiple: "Chọn các tệp",
          replaceUrl: "Thay bằng địa chỉ",
          promptUrl: "Nhập địa chỉ của tệp",
          addMore: "Thêm tệp",
          removeAll: "Xóa mọi tệp",
        },
        datetime: { setToNow: "Điền thời điểm hiện tại" },
        list: { add: "Thêm %{item}", addType: "Thêm %{item}" },
        object: { expand: "Mở ra", collapse: "Thu gọn" },
      },
    },
    mediaLibrary: {
      mediaLibraryCard: {
        copy: "Sao chép",
        copyUrl: "Sao chép địa chỉ",
        copyPath: "Sao chép đường dẫn",
        copyName: "Sao chép tên",
        copied: "Đã sao chép",
      },
      mediaLibraryModal: { close: "Đóng" },
    },
    ui: {
      settingsDropdown: { account: "Tài khoản" },
      toast: {
        noteAdded: "Đã thêm ghi chú",
        onFailToAddNote: "Không thêm được ghi chú: %{details}",
        noteUpdated: "Đã sửa ghi chú",
        onFailToUpdateNote: "Không sửa được ghi chú: %{details}",
        noteDeleted: "Đã xóa ghi chú",
        onFailToDeleteNote: "Không xóa được ghi chú: %{details}",
        noteResolved: "Đã đánh dấu ghi chú là xong",
        noteReopened: "Đã mở lại ghi chú",
        onFailToToggleNote: "Không đổi được trạng thái ghi chú: %{details}",
      },
    },
  };

  function merged(base, extra) {
    var result = {};
    Object.keys(base || {}).forEach(function (key) { result[key] = base[key]; });
    Object.keys(extra).forEach(function (key) {
      var value = extra[key];
      result[key] = value && typeof value === "object" ? merged(result[key], value) : value;
    });
    return result;
  }

  CMS.registerLocale("vi", merged(CMS.getLocale("vi"), phrases));

  /* Decap's picture component, with its labels in Vietnamese; what it reads and writes in
     the text is unchanged (![alt](file "title")). */
  CMS.registerEditorComponent({
    id: "image",
    label: "Hình ảnh",
    pattern: /^!\[([^\]]*)\]\((.*?)(\s"([^"]*)")?\)/,
    fromBlock: function (match) {
      return match && { image: match[2], alt: match[1], title: match[4] };
    },
    toBlock: function (data) {
      var title = data.title ? ' "' + data.title.replace(/"/g, '\\"') + '"' : "";
      return "![" + (data.alt || "") + "](" + (data.image || "") + title + ")";
    },
    toPreview: function (data, getAsset, fields) {
      var field = fields && fields.find(function (f) { return f.get("widget") === "image"; });
      var src = getAsset(data.image, field);
      return window.h("img", { src: src || "", alt: data.alt || "", title: data.title || "" });
    },
    fields: [
      {
        label: "Hình ảnh",
        name: "image",
        widget: "image",
        // Refused before upload when larger than validate accepts (max_attachment_mb).
        media_library: {
          allow_multiple: false,
          config: { max_file_size: window.PBGDPL_PREVIEW.max_upload_bytes },
        },
      },
      {
        label: "Mô tả hình (cho người đọc bằng máy đọc màn hình)",
        name: "alt",
      },
      { label: "Chú thích khi trỏ chuột", name: "title" },
    ],
  });
})();
