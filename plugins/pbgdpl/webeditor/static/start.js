/* Start the CMS, last: sections.js asked it to wait (CMS_MANUAL_INIT) so that the Vietnamese
   phrases, the picture component and the previews are registered before it reads its
   configuration and draws. Without the wait it would start as soon as decap-cms.js ran,
   racing the scripts after it. */
window.CMS.init();
