// Jest shim for office-addin-mock: the real office-addin-manifest pulls in ESM-only dependencies that
// Jest's CommonJS runtime cannot load. office-addin-mock only needs the OfficeApp enum from it.
'use strict';
const OfficeApp = Object.freeze({
  Excel: 'excel',
  OneNote: 'onenote',
  Outlook: 'outlook',
  PowerPoint: 'powerpoint',
  Project: 'project',
  Word: 'word',
});
module.exports = { OfficeApp };
