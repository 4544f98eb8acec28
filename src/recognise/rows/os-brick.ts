import type { Recogniser } from '../recogniser.ts';

/**
 * os-brick in cinder-volume's process, under the create's request context. The driver's
 * copy_image_to_encrypted_volume attaches the volume's encryptor before writing the image
 * (cinder/volume/driver.py `_copy_image_data_to_volume(encrypted=True)`): the only line that shows
 * the volume is encrypted, which is why cinder skipped driver.clone_image (`volume_is_encrypted`).
 */
export const osBrickRows: readonly Recogniser[] = [
  {
    id: 'os-brick.volume-encryptor',
    event: 'volumeEncryptor',
    loggers: ['os_brick.encryptors'],
    levels: ['DEBUG'],
    // The encryptor's class name, out of the object's repr (`<os_brick.encryptors.luks.LuksEncryptor object at 0x…>`).
    pattern: /^Using volume encryptor '(?:<[\w.]*\.)?(?<encryptor>\w+)[^']*' for connection: (?<connection>.*)$/s,
    anchor: 'Using volume encryptor ',
    releases: 'os-brick 1.x–master (cinder queens–master)',
    samples: [
      "Using volume encryptor '<os_brick.encryptors.luks.LuksEncryptor object at 0x7f3c2d1e0b50>' for connection: {'driver_volume_type': 'iscsi', 'data': {'target_discovered': False, 'encrypted': True, 'auth_password': '***'}}",
    ],
  },
];
